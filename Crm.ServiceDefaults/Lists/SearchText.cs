namespace Crm.ServiceDefaults.Lists;

/// <summary>
/// A list's search through a search text column the database keeps: the searched fields lower-cased, one per line,
/// with a trigram index. <c>search_text LIKE lower(pattern)</c> finds what ILIKE on each field finds (PostgreSQL's
/// ILIKE lower-cases both sides) with one index and no per-row lower-casing.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// The LIKE pattern (escape <see cref="QueryableListExtensions.LikeEscape"/>) for the search text, or null for a
    /// search holding a line break: that must not match across two fields, so it searches the fields themselves.
    /// </summary>
    public static string? Pattern(string search) =>
        search.Contains('\n', StringComparison.Ordinal) ? null : AsciiLower(QueryableListExtensions.LikePattern(search));

    /// <summary>lower() as PostgreSQL does it in the CRM's databases (initdb --locale=C): ASCII letters only.</summary>
    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });
}
