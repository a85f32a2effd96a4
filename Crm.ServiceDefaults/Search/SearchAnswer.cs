namespace Crm.ServiceDefaults.Search;

/// <summary>
/// <c>GET /api/v1/search</c>'s answer; a service's internal answer has only <c>groups</c> (its own types).
/// <c>Unavailable</c> names the services (<see cref="SearchOwner.DisplayName"/>) that could not answer.
/// </summary>
public sealed record SearchAnswer(string Q, IReadOnlyList<SearchGroup> Groups, bool Partial, IReadOnlyList<string> Unavailable);
