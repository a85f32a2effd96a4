using System.Globalization;
using System.Linq.Expressions;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.Activities.Model;

/// <summary>
/// The period a calendar or agenda asks for, <c>[Start, End)</c> in UTC, either end open. Events
/// overlapping it and tasks due on a day that overlaps it are in it.
/// </summary>
public sealed record ActivityRange(DateTime? Start, DateTime? End)
{
    /// <summary>
    /// <c>start_date</c> / <c>end_date</c> as a date (<c>2026-03-01</c>, midnight UTC; as an end, the whole
    /// day is included) or an ISO 8601 date-time. Null when neither is given.
    /// </summary>
    public static ActivityRange? Parse(string? startText, string? endText, ValidationErrors errors)
    {
        var start = ParseBound(startText, "start_date", "Start date", isEnd: false, errors);
        var end = ParseBound(endText, "end_date", "End date", isEnd: true, errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add("end_date", "End date must be after the start date.");
        }

        return start is null && end is null ? null : new ActivityRange(start, end);
    }

    /// <summary>The rule as a query: events overlapping the range, tasks due on a day overlapping it.</summary>
    public Expression<Func<Activity, bool>> Filter()
    {
        var start = Start;
        var end = End;
        // A due date is a whole day: it overlaps [start, end) when day >= start's day and day < end (rounded up to a day).
        DateOnly? firstDay = start is { } s ? DateOnly.FromDateTime(s) : null;
        DateOnly? dayAfterLast = end is { } e ? DateOnly.FromDateTime(e).AddDays(e.TimeOfDay == TimeSpan.Zero ? 0 : 1) : null;
        return a =>
            (a.Type == ActivityType.Event
                && (end == null || a.StartTime < end)
                && (start == null || (a.IsAllDayEvent ? a.EndTime!.Value.AddDays(1) : a.EndTime!.Value) > start))
            || (a.Type == ActivityType.Task
                && a.DueDate != null
                && (firstDay == null || a.DueDate >= firstDay)
                && (dayAfterLast == null || a.DueDate < dayAfterLast));
    }

    private static DateTime? ParseBound(string? text, string field, string label, bool isEnd, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        DateTime? bound = null;
        var wholeDay = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (wholeDay)
        {
            bound = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        else if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            bound = moment.UtcDateTime;
        }

        if (bound is not { } value)
        {
            errors.Add(field, $"{label} must be a date (YYYY-MM-DD) or an ISO 8601 date-time.");
            return null;
        }

        if (!DateBounds.Contains(value))
        {
            errors.Add(field, DateBounds.MessageFor(label));
            return null;
        }

        // Within the bounds a day more can't overflow.
        return isEnd && wholeDay ? value.AddDays(1) : value;
    }
}
