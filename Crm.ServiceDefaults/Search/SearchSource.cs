namespace Crm.ServiceDefaults.Search;

/// <summary>
/// How one record type is searched, as SQL fragments over its table (aliased in <see cref="From"/>):
/// <list type="bullet">
/// <item><see cref="Filter"/>: what its list endpoint leaves out is left out here too (deactivated, converted);</item>
/// <item><see cref="Document"/>: every searched field, lower case, in one expression with a GIN trigram index on it
/// (with the same <see cref="Filter"/> as its WHERE, or none), so matching is served by that index;</item>
/// <item><see cref="Keys"/>: the fields, lower case and not null, a match is ranked by (best of them); each is in
/// the <see cref="Document"/> between non-alphanumeric separators, where word starts and inside matches are ranked;</item>
/// <item><see cref="Id"/>, <see cref="Title"/>, <see cref="Subtitle"/>: what the result shows.</item>
/// </list>
/// </summary>
public sealed record SearchSource(
    string Type,
    string From,
    string Filter,
    string Document,
    IReadOnlyList<string> Keys,
    string Id,
    string Title,
    string Subtitle);
