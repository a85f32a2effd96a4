using Crm.ServiceDefaults.Json;

namespace Crm.Activities.Model;

/// <summary>An activity as it is (or is to be) saved: a new one as sent, or a stored one with the changes merged in.</summary>
public record ActivityFields
{
    public ActivityType? Type { get; init; }

    public string? Subject { get; init; }

    public string? Description { get; init; }

    public ActivityStatus? Status { get; init; }

    public ActivityPriority? Priority { get; init; }

    public DateOnly? DueDate { get; init; }

    public DateTime? StartTime { get; init; }

    public DateTime? EndTime { get; init; }

    public bool? IsAllDayEvent { get; init; }

    public string? Location { get; init; }

    public Guid? AssignedToId { get; init; }

    public WhatType? WhatType { get; init; }

    public Guid? WhatId { get; init; }

    public WhoType? WhoType { get; init; }

    public Guid? WhoId { get; init; }

    /// <summary>These fields with the present ones of <paramref name="changes"/> (absent: kept; null: cleared).</summary>
    public ActivityFields Merge(ActivityChanges changes) => this with
    {
        Subject = changes.Subject.Or(Subject),
        Description = changes.Description.Or(Description),
        Status = changes.Status.Or(Status),
        Priority = changes.Priority.Or(Priority),
        DueDate = changes.DueDate.Or(DueDate),
        StartTime = changes.StartTime.Or(StartTime),
        EndTime = changes.EndTime.Or(EndTime),
        IsAllDayEvent = changes.IsAllDayEvent.Or(IsAllDayEvent),
        Location = changes.Location.Or(Location),
        AssignedToId = changes.AssignedToId.Or(AssignedToId),
        WhatType = changes.WhatType.Or(WhatType),
        WhatId = changes.WhatId.Or(WhatId),
        WhoType = changes.WhoType.Or(WhoType),
        WhoId = changes.WhoId.Or(WhoId),
    };
}

/// <summary>The editable fields of an activity as a client sends them: absent fields stay as they are.</summary>
public record ActivityChanges
{
    public Optional<string?> Subject { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<ActivityStatus?> Status { get; init; }

    public Optional<ActivityPriority?> Priority { get; init; }

    public Optional<DateOnly?> DueDate { get; init; }

    public Optional<DateTime?> StartTime { get; init; }

    public Optional<DateTime?> EndTime { get; init; }

    public Optional<bool?> IsAllDayEvent { get; init; }

    public Optional<string?> Location { get; init; }

    public Optional<Guid?> AssignedToId { get; init; }

    public Optional<WhatType?> WhatType { get; init; }

    public Optional<Guid?> WhatId { get; init; }

    public Optional<WhoType?> WhoType { get; init; }

    public Optional<Guid?> WhoId { get; init; }
}
