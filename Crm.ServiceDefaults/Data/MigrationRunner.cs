using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.ServiceDefaults.Data;

/// <summary>
/// Applies versioned SQL files under a PostgreSQL advisory lock, so several replicas starting at
/// once migrate exactly once. Each file runs in its own transaction with its bookkeeping row.
/// </summary>
public sealed class MigrationRunner(ILogger<MigrationRunner> logger)
{
    // Any constant works; it only has to be the same for every replica of a service.
    private const long LockKey = 7_302_118_442;

    public async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, IEnumerable<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("SELECT id FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var done = new List<string>();
            foreach (var script in scripts.Where(s => !applied.Contains(s.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (id) VALUES (@id)", connection, transaction))
                {
                    record.Parameters.AddWithValue("id", script.Id);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration}", script.Id);
                done.Add(script.Id);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
