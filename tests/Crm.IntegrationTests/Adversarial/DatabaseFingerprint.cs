using System.Text;
using Npgsql;

namespace Crm.IntegrationTests.Adversarial;

/// <summary>
/// A cheap "did anything change?" for one service's database: per table the row count and the newest
/// xmin (the id of the transaction that wrote a row version). An insert or update writes a row version
/// with a newer xmin, a delete lowers the count, so two equal fingerprints mean no committed write in
/// between. Row locks (SELECT ... FOR UPDATE) and rolled-back transactions leave it unchanged, as they
/// should. Tables that background event processing writes on its own are left out (see <see cref="IsBackground"/>),
/// but the outbox is still watched for new events (its newest id).
/// </summary>
public sealed class DatabaseFingerprint : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _sql;

    private DatabaseFingerprint(NpgsqlConnection connection, IReadOnlyList<string> tables, IReadOnlyList<string> outboxes)
    {
        _connection = connection;
        var parts = tables.Select(t => (Name: t, Sql: $"(SELECT count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text FROM \"{t}\")")).ToList();
        foreach (var outbox in outboxes)
        {
            // The dispatcher updates rows as it sends them, but only a request adds one: an event (or a mail) for
            // a refused request would show as a newer id.
            parts.Add(($"{outbox} (newest id)", $"(SELECT coalesce(max(id), 0)::text FROM {outbox})"));
        }

        Tables = parts.Select(p => p.Name).ToList();
        _sql = new StringBuilder("SELECT ").AppendJoin(", ", parts.Select(p => p.Sql)).ToString();
    }

    public IReadOnlyList<string> Tables { get; }

    /// <summary>The event outbox (every service) and Identity's mail outbox: their dispatchers write to them on their own.</summary>
    private static readonly string[] Outboxes = ["outbox_messages", "mail_outbox"];

    /// <summary>
    /// Written by consumers and the dispatchers whatever the API answers: the inbox, the outboxes (claims and sent
    /// marks; their new rows are watched apart), the directories copied from other services (directory_*,
    /// Billing's won_deals), the migration log.
    /// </summary>
    public static bool IsBackground(string table) =>
        table is "inbox_messages" or "schema_migrations" or "won_deals"
        || Outboxes.Contains(table)
        || table.StartsWith("directory_", StringComparison.Ordinal);

    public static async Task<DatabaseFingerprint> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        return new DatabaseFingerprint(connection, tables.Where(t => !IsBackground(t)).ToList(), Outboxes.Where(tables.Contains).ToList());
    }

    /// <summary>"table=count/max xmin" for every watched table.</summary>
    public async Task<IReadOnlyList<string>> TakeAsync()
    {
        await using var command = new NpgsqlCommand(_sql, _connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Tables.Select((t, i) => $"{t}={reader.GetString(i)}").ToList();
    }

    /// <summary>The tables whose fingerprint differs, as "table a → b".</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        before.Zip(after).Where(p => p.First != p.Second).Select(p => $"{p.First} → {p.Second[(p.Second.IndexOf('=') + 1)..]}").ToList();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
