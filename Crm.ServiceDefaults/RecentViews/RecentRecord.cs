namespace Crm.ServiceDefaults.RecentViews;

/// <summary>A recently viewed record as <c>/internal/v1/recent</c> answers it: named like a search result.</summary>
public sealed record RecentRecord(string Type, Guid Id, string Title, string? Subtitle, string Url, DateTime ViewedAt);

/// <summary>How a record is shown in the recently viewed list; <see cref="IRecentRecordSource"/> answers it.</summary>
public sealed record RecentRecordInfo(string Type, string Title, string? Subtitle, string Url);

/// <summary>A service's names for its recently viewed records: only the ones still visible (active) come back.</summary>
public interface IRecentRecordSource
{
    Task<IReadOnlyDictionary<Guid, RecentRecordInfo>> DescribeAsync(string recordType, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
