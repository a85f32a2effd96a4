namespace Crm.ServiceDefaults.Json;

/// <summary>
/// The dates the API takes: 1900-01-01 to 2200-12-31. Nothing a CRM records lies outside, and inside
/// it date arithmetic (an all-day event's end plus a day, a schedule's months) can never overflow
/// DateTime, and no value reaches PostgreSQL's infinity.
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    public static readonly DateOnly MaxDate = new(2200, 12, 31);

    public const string Message = "Dates must be between 1900-01-01 and 2200-12-31.";

    /// <summary>"Start date must be between 1900-01-01 and 2200-12-31."</summary>
    public static string MessageFor(string label) => $"{label} must be between 1900-01-01 and 2200-12-31.";

    public static bool Contains(DateOnly date) => date >= MinDate && date <= MaxDate;

    /// <summary>Whether the (UTC) moment falls on a day in range.</summary>
    public static bool Contains(DateTime moment) => Contains(DateOnly.FromDateTime(moment));
}
