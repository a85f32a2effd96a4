namespace Crm.ServiceDefaults.Search;

/// <summary><c>GET /api/v1/search/recent</c>'s answer: the newest views over every service.</summary>
public sealed record RecentAnswer(IReadOnlyList<RecentItem> Items, bool Partial, IReadOnlyList<string> Unavailable);
