using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.Activities.Model;

/// <summary>
/// A task (a to-do with a due date, status and priority) or an event (a meeting with a start and end),
/// assigned to one user and linked to a business record (what) and a person (who). Every change bumps
/// <see cref="Version"/>; the type never changes.
/// </summary>
public sealed class Activity
{
    public const int SubjectMax = 255;
    public const int LocationMax = 255;
    public const int DescriptionMax = 32000;

    private Activity()
    {
    }

    public Guid Id { get; private set; }

    public ActivityType Type { get; private set; }

    public string Subject { get; private set; } = "";

    public string? Description { get; private set; }

    public ActivityStatus? Status { get; private set; }

    public ActivityPriority? Priority { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public DateTime? StartTime { get; private set; }

    public DateTime? EndTime { get; private set; }

    public bool IsAllDayEvent { get; private set; }

    public string? Location { get; private set; }

    public Guid AssignedToId { get; private set; }

    public WhatType? WhatType { get; private set; }

    public Guid? WhatId { get; private set; }

    public WhoType? WhoType { get; private set; }

    public Guid? WhoId { get; private set; }

    /// <summary>When it happens, for the default order: an event's start, a task's due date (midnight UTC), else null (last).</summary>
    public DateTime? ScheduledAt { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    /// <summary>A new activity from fields that passed <see cref="Validate"/>.</summary>
    public static Activity Create(ActivityFields fields, Guid by, DateTime now)
    {
        var activity = new Activity
        {
            Id = Guid.CreateVersion7(),
            Type = fields.Type!.Value,
            Version = 1,
            CreatedAt = now,
            CreatedBy = by,
            UpdatedAt = now,
            UpdatedBy = by,
        };
        activity.Set(fields);
        return activity;
    }

    /// <summary>Saves the merged fields (they passed <see cref="Validate"/>).</summary>
    public void Apply(ActivityFields fields, Guid by, DateTime now)
    {
        Set(fields);
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }

    public ActivityFields ToFields() => new()
    {
        Type = Type,
        Subject = Subject,
        Description = Description,
        Status = Status,
        Priority = Priority,
        DueDate = DueDate,
        StartTime = StartTime,
        EndTime = EndTime,
        IsAllDayEvent = Type == ActivityType.Event ? IsAllDayEvent : null,
        Location = Location,
        AssignedToId = AssignedToId,
        WhatType = WhatType,
        WhatId = WhatId,
        WhoType = WhoType,
        WhoId = WhoId,
    };

    /// <summary>A task is closed once Completed; an event once its end has passed (an all-day event at the end of its last day).</summary>
    public bool IsClosed(DateTime now) => Type == ActivityType.Task
        ? Status == ActivityStatus.Completed
        : EndTime is { } end && EffectiveEnd(end, IsAllDayEvent) <= now;

    /// <summary>An open task whose due date is before today (UTC).</summary>
    public bool IsOverdue(DateOnly today) => Type == ActivityType.Task && Status != ActivityStatus.Completed && DueDate < today;

    /// <summary>
    /// Where an event really ends: an all-day event is stored ending at midnight of its last day, and lasts
    /// that whole day. An event ending on DateTime's last day (stored before dates were bounded) ends with
    /// DateTime itself rather than overflowing it.
    /// </summary>
    public static DateTime EffectiveEnd(DateTime endTime, bool isAllDayEvent) =>
        !isAllDayEvent ? endTime
        : endTime >= DateTime.MaxValue.Date ? DateTime.SpecifyKind(DateTime.MaxValue, endTime.Kind)
        : endTime.AddDays(1);

    /// <summary>
    /// An event's start and end as stored: all-day events from midnight UTC of the first day to
    /// midnight UTC of the last day; others as sent, to the microsecond.
    /// </summary>
    public static (DateTime Start, DateTime End) EventSpan(DateTime start, DateTime end, bool isAllDayEvent) => isAllDayEvent
        ? (DateTime.SpecifyKind(start.Date, DateTimeKind.Utc), DateTime.SpecifyKind(end.Date, DateTimeKind.Utc))
        : (DbClock.ToDbPrecision(start), DbClock.ToDbPrecision(end));

    /// <summary>The rules of a whole activity (new, or stored with changes merged), each broken one under its field.</summary>
    public static void Validate(ValidationErrors errors, ActivityFields f)
    {
        errors.Required("subject", f.Subject, "Subject")
            .MaxLength("subject", f.Subject?.Trim(), SubjectMax, "Subject")
            .MaxLength("description", f.Description, DescriptionMax, "Description")
            .MaxLength("location", f.Location?.Trim(), LocationMax, "Location");
        if (f.AssignedToId is null)
        {
            errors.Add("assigned_to_id", "Assigned To is required.");
        }

        Defined(errors, "type", f.Type, "Type");
        Defined(errors, "status", f.Status, "Status");
        Defined(errors, "priority", f.Priority, "Priority");
        Defined(errors, "what_type", f.WhatType, "Related To type");
        Defined(errors, "who_type", f.WhoType, "Name type");
        BothOrNeither(errors, f.WhatType, f.WhatId, "what_type", "what_id", "Related To");
        BothOrNeither(errors, f.WhoType, f.WhoId, "who_type", "who_id", "Name");

        switch (f.Type)
        {
            case null:
                errors.Add("type", "Type is required.");
                break;
            case ActivityType.Task:
                if (f.Status is null)
                {
                    errors.Add("status", "Status is required.");
                }

                if (f.Priority is null)
                {
                    errors.Add("priority", "Priority is required.");
                }

                OnlyFor(errors, ActivityType.Event, "start_time", f.StartTime is not null, "Start");
                OnlyFor(errors, ActivityType.Event, "end_time", f.EndTime is not null, "End");
                OnlyFor(errors, ActivityType.Event, "is_all_day_event", f.IsAllDayEvent == true, "All-Day Event");
                OnlyFor(errors, ActivityType.Event, "location", !string.IsNullOrWhiteSpace(f.Location), "Location");
                break;
            case ActivityType.Event:
                if (f.StartTime is null)
                {
                    errors.Add("start_time", "Start is required.");
                }

                if (f.EndTime is null)
                {
                    errors.Add("end_time", "End is required.");
                }

                if (f.StartTime is { } start && f.EndTime is { } end)
                {
                    var allDay = f.IsAllDayEvent == true;
                    var span = EventSpan(start, end, allDay);
                    if (allDay ? span.End < span.Start : span.End <= span.Start)
                    {
                        errors.Add("end_time", allDay ? "End must not be before Start." : "End must be after Start.");
                    }
                }

                OnlyFor(errors, ActivityType.Task, "status", f.Status is not null, "Status");
                OnlyFor(errors, ActivityType.Task, "priority", f.Priority is not null, "Priority");
                OnlyFor(errors, ActivityType.Task, "due_date", f.DueDate is not null, "Due Date");
                break;
        }
    }

    private static void Defined<TEnum>(ValidationErrors errors, string field, TEnum? value, string label)
        where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            errors.Add(field, EnumNames.OneOfMessage<TEnum>(label));
        }
    }

    private static void BothOrNeither<TType>(ValidationErrors errors, TType? type, Guid? id, string typeField, string idField, string label)
        where TType : struct, Enum
    {
        if (type is null && id is not null)
        {
            errors.Add(typeField, $"Say what kind of record the {label} is.");
        }
        else if (type is not null && id is null)
        {
            errors.Add(idField, $"Choose the {label} record.");
        }
    }

    private static void OnlyFor(ValidationErrors errors, ActivityType type, string field, bool present, string label)
    {
        if (present)
        {
            errors.Add(field, $"{label} is only for {(type == ActivityType.Task ? "tasks" : "events")}.");
        }
    }

    private void Set(ActivityFields f)
    {
        Subject = f.Subject!.Trim();
        Description = Clean(f.Description);
        AssignedToId = f.AssignedToId!.Value;
        (WhatType, WhatId) = (f.WhatType, f.WhatId);
        (WhoType, WhoId) = (f.WhoType, f.WhoId);
        if (Type == ActivityType.Task)
        {
            (Status, Priority, DueDate) = (f.Status, f.Priority, f.DueDate);
            (StartTime, EndTime, IsAllDayEvent, Location) = (null, null, false, null);
            ScheduledAt = DueDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        else
        {
            (Status, Priority, DueDate) = (null, null, null);
            IsAllDayEvent = f.IsAllDayEvent ?? false;
            (var start, var end) = EventSpan(f.StartTime!.Value, f.EndTime!.Value, IsAllDayEvent);
            (StartTime, EndTime) = (start, end);
            Location = Clean(f.Location);
            ScheduledAt = StartTime;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
