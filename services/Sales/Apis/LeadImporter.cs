using Crm.Sales.Infrastructure;
using Crm.Sales.Model;
using Crm.Sales.Services;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Import;

namespace Crm.Sales.Apis;

/// <summary>
/// POST /leads/import: rows become leads through <see cref="LeadCreation"/>, checked as POST /leads checks them,
/// except that a row without a Lead Status is a New lead. A row whose e-mail an open lead has is a duplicate.
/// </summary>
public sealed class LeadImporter(SalesDbContext db) : ICsvImporter<LeadChanges>
{
    private static readonly CsvImportColumns LeadColumns = new(
        ["name", "first_name", "last_name", "company", "title", "email", "phone", "website", "address", "status", "lead_source", "industry", "description"],
        new Dictionary<string, string> { ["Lead Status"] = "status" });

    public CsvImportColumns Columns => LeadColumns;

    public Task PrepareAsync(IReadOnlyList<CsvImportRow> rows, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ImportDuplicate>> FindDuplicatesAsync(IReadOnlyList<CsvImportRow> rows, CancellationToken cancellationToken) =>
        ImportDuplicates.FindAsync(rows, "email", db.Leads.Where(l => l.Status != LeadStatus.Converted).Select(l => new ExistingValue { Id = l.Id, Value = l.Email, CreatedAt = l.CreatedAt }), cancellationToken);

    public Task<LeadChanges?> CheckAsync(CsvImportRow row, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var (first, last) = row.GetPersonName();
        var changes = new LeadChanges
        {
            FirstName = first,
            LastName = last,
            Company = row.Get("company"),
            Title = row.Get("title"),
            Email = row.Get("email"),
            Phone = row.Get("phone"),
            Website = row.Get("website"),
            Address = row.Get("address"),
            Status = row.GetEnum<LeadStatus>("status", "Lead Status", errors) ?? (row.Get("status") is null ? LeadStatus.New : null),
            LeadSource = row.GetEnum<LeadSource>("lead_source", "Lead Source", errors),
            Industry = row.GetEnum<Industry>("industry", "Industry", errors),
            Description = row.Get("description"),
        };
        Lead.Validate(errors, changes, creating: true);
        return Task.FromResult<LeadChanges?>(changes);
    }

    public void Add(LeadChanges candidate, Guid by, DateTime now) => LeadCreation.Add(db, candidate, by, now);
}
