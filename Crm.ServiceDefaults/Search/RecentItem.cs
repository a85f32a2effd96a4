namespace Crm.ServiceDefaults.Search;

/// <summary>A record the caller opened lately, as each service's <c>GET /internal/v1/recent</c> lists them.</summary>
public sealed record RecentItem(string Type, Guid Id, string Title, string? Subtitle, string Url, DateTime ViewedAt);
