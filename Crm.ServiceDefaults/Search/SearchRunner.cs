using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.ServiceDefaults.Search;

/// <summary>Runs the asked types' queries against the service's own tables in one round trip.</summary>
public static class SearchRunner
{
    /// <summary>The shortest term whose statements are prepared: pg_trgm's trigrams need three characters.</summary>
    public const int PreparedMinLength = 3;

    public static async Task<List<SearchGroup>> RunAsync(
        DbContext db, IReadOnlyList<SearchSource> sources, SearchRequest request, CancellationToken cancellationToken)
    {
        var asked = request.Types.Select(t => sources.FirstOrDefault(s => s.Type == t)).OfType<SearchSource>().ToList();
        if (asked.Count == 0)
        {
            return [];
        }

        var term = SearchTerm.From(request.Q);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(SearchSql.Prepare));
            foreach (var source in asked)
            {
                var command = new NpgsqlBatchCommand(SearchSql.Query(source, term.Fuzzy));
                command.Parameters.AddWithValue("q", term.Text);
                command.Parameters.AddWithValue("contains", term.Contains);
                command.Parameters.AddWithValue("starts_with", term.StartsWith);
                command.Parameters.AddWithValue("word_start", term.WordStart);
                command.Parameters.AddWithValue("limit", request.Limit);
                batch.BatchCommands.Add(command);
            }

            // Parsing and planning the rank-and-match statements cost PostgreSQL more than running them (measured:
            // 1.4 ms against 1.2 per statement). Prepared once per connection, they are parsed once, and after five
            // runs PostgreSQL may keep a generic plan: sound when the trigram index serves the pattern whatever its
            // value (three characters or more). A shorter term is never prepared: no trigram in it, the plan
            // depends on the value.
            if (term.Text.Length >= PreparedMinLength)
            {
                await batch.PrepareAsync(cancellationToken);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var groups = new List<SearchGroup>(asked.Count);
            foreach (var source in asked)
            {
                await reader.NextResultAsync(cancellationToken);
                groups.Add(await ReadGroupAsync(reader, source.Type, cancellationToken));
            }

            return groups;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<SearchGroup> ReadGroupAsync(NpgsqlDataReader reader, string type, CancellationToken cancellationToken)
    {
        var items = new List<SearchItem>();
        long total = 0;
        int? bestRank = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var rank = reader.GetInt32(3);
            bestRank ??= rank;
            total = reader.GetInt64(4);
            items.Add(new SearchItem(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), SearchTypes.Url(type, id)));
        }

        return new SearchGroup(type, (int)Math.Min(total, int.MaxValue), items) { BestRank = bestRank };
    }
}
