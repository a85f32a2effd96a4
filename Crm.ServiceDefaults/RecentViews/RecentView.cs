namespace Crm.ServiceDefaults.RecentViews;

/// <summary>One user's latest opening of one record (a row per user, type and record; viewing again moves it up).</summary>
public sealed class RecentView
{
    public Guid UserId { get; set; }

    public string RecordType { get; set; } = "";

    public Guid RecordId { get; set; }

    public DateTime ViewedAt { get; set; }
}
