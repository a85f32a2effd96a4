namespace Crm.ServiceDefaults.Search;

/// <summary>
/// The best matches of one type. <c>Total</c> counts every match;
/// <c>BestRank</c> (the best item's <see cref="SearchRank"/>, null when none matched) orders the groups at the
/// gateway and is not part of the public answer.
/// </summary>
public sealed record SearchGroup(string Type, int Total, IReadOnlyList<SearchItem> Items)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? BestRank { get; init; }
}
