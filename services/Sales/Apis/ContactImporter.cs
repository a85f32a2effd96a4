using Crm.Sales.Infrastructure;
using Crm.Sales.Model;
using Crm.Sales.Services;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Import;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

/// <summary>
/// POST /contacts/import: rows become contacts through <see cref="ContactCreation"/>. A row names its account by
/// account_id or by the exact name of one active account (the export's Account Name column). A row whose e-mail an
/// active contact has is a duplicate; as with POST /contacts it is refused unless the duplicates are skipped, and
/// two rows of one file may not share an e-mail either.
/// </summary>
public sealed class ContactImporter(SalesDbContext db, ContactQueries queries) : ICsvImporter<ContactChanges>
{
    private static readonly CsvImportColumns ContactColumns = new(
        ["name", "first_name", "last_name", "title", "email", "phone", "description", "reports_to_id", "account_id", "account_name"]);

    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private Dictionary<string, List<Guid>> _accountsByName = new(StringComparer.Ordinal);

    public CsvImportColumns Columns => ContactColumns;

    public async Task PrepareAsync(IReadOnlyList<CsvImportRow> rows, CancellationToken cancellationToken)
    {
        var names = rows.Where(r => r.Get("account_id") is null).Select(r => r.Get("account_name")?.Trim()).OfType<string>().Distinct().ToList();
        if (names.Count == 0)
        {
            return;
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.IsActive && names.Contains(a.Name)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        _accountsByName = accounts.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToList(), StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<ImportDuplicate>> FindDuplicatesAsync(IReadOnlyList<CsvImportRow> rows, CancellationToken cancellationToken) =>
        ImportDuplicates.FindAsync(rows, "email", db.Contacts.Where(c => c.IsActive).Select(c => new ExistingValue { Id = c.Id, Value = c.Email, CreatedAt = c.CreatedAt }), cancellationToken);

    public async Task<ContactChanges?> CheckAsync(CsvImportRow row, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var (first, last) = row.GetPersonName();
        var changes = new ContactChanges
        {
            FirstName = first,
            LastName = last,
            Title = row.Get("title"),
            Email = row.Get("email"),
            Phone = row.Get("phone"),
            Description = row.Get("description"),
            ReportsToId = row.GetId("reports_to_id", "Reports To", errors),
            AccountId = row.GetId("account_id", "Account", errors) ?? AccountByName(row, errors),
        };
        await ContactCreation.CheckAsync(errors, changes, queries, cancellationToken);
        if (changes.Email.Value?.Trim().ToLowerInvariant() is { Length: > 0 } email && !_emails.Add(email))
        {
            errors.Add("email", "An earlier row of the file has this email.");
        }

        return changes;
    }

    public void Add(ContactChanges candidate, Guid by, DateTime now) => ContactCreation.Add(db, candidate, by, now);

    private Guid? AccountByName(CsvImportRow row, ValidationErrors errors)
    {
        if (row.Get("account_id") is not null || row.Get("account_name")?.Trim() is not { } name)
        {
            return null;
        }

        if (!_accountsByName.TryGetValue(name, out var ids))
        {
            errors.Add("account_name", $"No active account is named \"{name}\".");
            return null;
        }

        if (ids.Count > 1)
        {
            errors.Add("account_name", $"{ids.Count} active accounts are named \"{name}\": give the account_id instead.");
            return null;
        }

        return ids[0];
    }
}
