namespace Crm.ServiceDefaults.Search;

/// <summary>
/// Builds one type's search query from its <see cref="SearchSource"/>. Matching uses only index-served predicates
/// on the source's document (LIKE, and for a long single word pg_trgm's word similarity); the rank and the
/// titles are computed on the matched rows only, and the total is counted on them in the same pass.
/// </summary>
public static class SearchSql
{
    /// <summary>
    /// Word similarity a candidate needs before the typo check: a one-letter typo in a five-letter word
    /// scores about 0.33, so a lower bar than pg_trgm's 0.6; the exact check is the Levenshtein distance after it.
    /// </summary>
    public const string WordSimilarityThreshold = "0.3";

    /// <summary>Sets the trigram threshold for this connection (reset when it returns to the pool).</summary>
    public const string Prepare = $"SELECT set_config('pg_trgm.word_similarity_threshold', '{WordSimilarityThreshold}', false)";

    /// <summary>Parameters: @q (lower case), @contains, @starts_with, @word_start, @limit.</summary>
    public static string Query(SearchSource source, bool fuzzy) =>
        $"""
        SELECT s.id, s.title, s.subtitle, s.rank, s.total FROM (
            SELECT {source.Id} AS id, {source.Title} AS title, {source.Subtitle} AS subtitle,
                {Rank(source.Keys, source.Document)} AS rank, count(*) OVER () AS total
            FROM {source.From}
            WHERE {source.Filter} AND {Match(source.Document, fuzzy)}
        ) s
        ORDER BY s.rank, lower(s.title), s.id
        LIMIT @limit
        """;

    /// <summary>
    /// The text inside the document or, for a long single word, a document word one edit away from it; the
    /// trigram operator picks the candidates from the index, the Levenshtein check keeps the real near misses.
    /// </summary>
    public static string Match(string document, bool fuzzy) => fuzzy
        ? $"""
          ({document} LIKE @contains OR ({document} %> @q AND EXISTS (
              SELECT 1 FROM regexp_split_to_table({document}, '[^[:alnum:]]+') AS w(word)
              WHERE levenshtein_less_equal(w.word, @q, 1) <= 1)))
          """
        : $"{document} LIKE @contains";

    /// <summary>
    /// The best <see cref="SearchRank"/> over the keys: exact and prefix are checked per key; word start and inside on
    /// the document, which holds every key, so a word start in any key is one in the document: one regular
    /// expression per matched row instead of one per key (the rank is computed on every match, which for a
    /// two-letter search is a third of a table).
    /// </summary>
    public static string Rank(IReadOnlyList<string> keys, string document) =>
        $"CASE WHEN {AnyKey(keys, "= @q")} THEN {SearchRank.Exact} WHEN {AnyKey(keys, "LIKE @starts_with")} THEN {SearchRank.Prefix} " +
        $"WHEN {document} ~ @word_start THEN {SearchRank.WordStart} WHEN {document} LIKE @contains THEN {SearchRank.Inside} ELSE {SearchRank.Close} END";

    private static string AnyKey(IReadOnlyList<string> keys, string test) => string.Join(" OR ", keys.Select(k => $"{k} {test}"));
}
