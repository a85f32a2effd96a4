using Crm.Activities.Infrastructure;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Lists;

namespace Crm.Activities.Apis;

/// <summary>An activity as its CSV export writes it: the names it links to are looked up in the same query, row by row.</summary>
public sealed class ActivityExportRow
{
    public static readonly CsvColumn<ActivityExportRow>[] Columns =
    [
        new("Subject", a => a.Subject),
        new("Type", a => a.Type),
        new("Due Date", a => a.DueDate),
        new("Start", a => a.StartTime),
        new("End", a => a.EndTime),
        new("Status", a => a.Status),
        new("Priority", a => a.Priority),
        new("Related To", a => a.WhatName),
        new("Name", a => a.WhoName),
        new("Assigned To", a => a.AssignedToName),
    ];

    public required string Subject { get; init; }

    public required ActivityType Type { get; init; }

    public required DateOnly? DueDate { get; init; }

    public required DateTime? StartTime { get; init; }

    public required DateTime? EndTime { get; init; }

    public required ActivityStatus? Status { get; init; }

    public required ActivityPriority? Priority { get; init; }

    public required string? WhatName { get; init; }

    public required string? WhoName { get; init; }

    public required string? AssignedToName { get; init; }

    /// <summary>Keeps the order of <paramref name="sorted"/>.</summary>
    public static IQueryable<ActivityExportRow> From(IQueryable<Activity> sorted, ActivitiesDbContext db) =>
        sorted.Select(a => new ActivityExportRow
        {
            Subject = a.Subject,
            Type = a.Type,
            DueDate = a.DueDate,
            StartTime = a.StartTime,
            EndTime = a.EndTime,
            Status = a.Status,
            Priority = a.Priority,
            WhatName = db.Records.Where(r => r.Id == a.WhatId).Select(r => r.Name).FirstOrDefault(),
            WhoName = db.Records.Where(r => r.Id == a.WhoId).Select(r => r.Name).FirstOrDefault(),
            AssignedToName = db.Users.Where(u => u.Id == a.AssignedToId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
        });
}
