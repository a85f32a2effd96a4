using Crm.Activities.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Activities.Apis;

/// <summary>A new task or event: the type, then the fields of that type.</summary>
public sealed record CreateActivityRequest : ActivityFields;

/// <summary>Only the fields to change (null clears a field) plus the version they were read at. The type can't change.</summary>
public sealed record UpdateActivityRequest : ActivityChanges
{
    public Optional<ActivityType?> Type { get; init; }

    public Optional<int?> Version { get; init; }
}

/// <summary>An activity as every endpoint answers it (list rows included), with the names of what it links to.</summary>
public sealed record ActivityResponse(
    Guid Id,
    ActivityType Type,
    string Subject,
    string? Description,
    ActivityStatus? Status,
    ActivityPriority? Priority,
    DateOnly? DueDate,
    DateTime? StartTime,
    DateTime? EndTime,
    bool IsAllDayEvent,
    string? Location,
    Guid AssignedToId,
    string AssignedToName,
    WhatType? WhatType,
    Guid? WhatId,
    string? WhatName,
    WhoType? WhoType,
    Guid? WhoId,
    string? WhoName,
    bool IsClosed,
    bool IsOverdue,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    string CreatedByName,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string UpdatedByName);
