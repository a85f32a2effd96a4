namespace Crm.ServiceDefaults.Search;

/// <summary>A service's answer to <c>GET /internal/v1/search</c>: a group per type it owns that was asked for.</summary>
public sealed record SourceAnswer(IReadOnlyList<SearchGroup> Groups);
