using Crm.Activities.Infrastructure;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Lists;

namespace Crm.Activities.Apis;

/// <summary>A case as its CSV export writes it: account, contact and owner names looked up in the same query, row by row.</summary>
public sealed class CaseExportRow
{
    public static readonly CsvColumn<CaseExportRow>[] Columns =
    [
        new("Case Number", c => c.CaseNumber),
        new("Subject", c => c.Subject),
        new("Account Name", c => c.AccountName),
        new("Contact Name", c => c.ContactName),
        new("Status", c => c.Status),
        new("Priority", c => c.Priority),
        new("Case Owner", c => c.OwnerName),
        new("Date/Time Opened", c => c.CreatedAt),
    ];

    public required string CaseNumber { get; init; }

    public required string Subject { get; init; }

    public required string? AccountName { get; init; }

    public required string? ContactName { get; init; }

    public required CaseStatus Status { get; init; }

    public required CasePriority Priority { get; init; }

    public required string? OwnerName { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>Keeps the order of <paramref name="sorted"/>.</summary>
    public static IQueryable<CaseExportRow> From(IQueryable<Case> sorted, ActivitiesDbContext db) =>
        sorted.Select(c => new CaseExportRow
        {
            CaseNumber = c.CaseNumber,
            Subject = c.Subject,
            AccountName = db.Records.Where(r => r.Id == c.AccountId).Select(r => r.Name).FirstOrDefault(),
            ContactName = db.Records.Where(r => r.Id == c.ContactId).Select(r => r.Name).FirstOrDefault(),
            Status = c.Status,
            Priority = c.Priority,
            OwnerName = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
            CreatedAt = c.CreatedAt,
        });
}
