using Crm.Sales.Infrastructure;
using Crm.Sales.Model;
using Crm.Sales.Services;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Import;

namespace Crm.Sales.Apis;

/// <summary>POST /accounts/import: rows become accounts through <see cref="AccountCreation"/>; a row whose name an active account has is a duplicate.</summary>
public sealed class AccountImporter(SalesDbContext db, AccountQueries queries) : ICsvImporter<AccountFields>
{
    private static readonly CsvImportColumns AccountColumns = new(
        ["name", "phone", "website", "type", "description", "billing_address", "shipping_address", "parent_account_id"],
        new Dictionary<string, string> { ["Account Name"] = "name" });

    public CsvImportColumns Columns => AccountColumns;

    public Task PrepareAsync(IReadOnlyList<CsvImportRow> rows, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ImportDuplicate>> FindDuplicatesAsync(IReadOnlyList<CsvImportRow> rows, CancellationToken cancellationToken) =>
        ImportDuplicates.FindAsync(rows, "name", db.Accounts.Where(a => a.IsActive).Select(a => new ExistingValue { Id = a.Id, Value = a.Name, CreatedAt = a.CreatedAt }), cancellationToken);

    public async Task<AccountFields?> CheckAsync(CsvImportRow row, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var fields = new AccountFields(
            row.Get("name"),
            row.Get("phone"),
            row.Get("website"),
            row.GetEnum<AccountType>("type", "Type", errors),
            row.Get("description"),
            row.Get("billing_address"),
            row.Get("shipping_address"),
            row.GetId("parent_account_id", "Parent Account", errors));
        await AccountCreation.CheckAsync(errors, fields, queries);
        return fields;
    }

    public void Add(AccountFields candidate, Guid by, DateTime now) => AccountCreation.Add(db, candidate, by, now);
}
