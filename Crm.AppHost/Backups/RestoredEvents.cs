using System.Globalization;
using Npgsql;

namespace Crm.AppHost.Backups;

/// <summary>
/// After a restore every database is back at the same moment, but the broker is not: what it delivered after
/// that moment is gone with its queues (the restore empties them), and what the services published shortly
/// before it may not have reached its consumers' restored inboxes. So the first start after a restore publishes
/// again every event dispatched in the hour before the restore point; consumers skip the ones their inbox
/// already holds, and apply the rest once.
/// </summary>
public static class RestoredEvents
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private const string MarkerName = "restored";

    /// <summary>Left by the restore command for the next start.</summary>
    public static void MarkRestored(string dataDir, string? target) =>
        File.WriteAllText(Path.Combine(dataDir, MarkerName), target ?? "latest");

    public static async Task RepublishAfterRestoreAsync(string dataDir, string serverConnectionString, IReadOnlyList<string> databases, CancellationToken ct)
    {
        var marker = Path.Combine(dataDir, MarkerName);
        if (!File.Exists(marker))
        {
            return;
        }

        foreach (var database in databases)
        {
            var csb = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(csb.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"""
                DO $$ BEGIN
                    IF to_regclass('outbox_messages') IS NOT NULL THEN
                        UPDATE outbox_messages SET dispatched_at = NULL, attempts = 0, next_attempt_at = NULL, last_error = NULL
                        WHERE dispatched_at >= (SELECT max(dispatched_at) FROM outbox_messages) - interval '{(int)Window.TotalMinutes} minutes';
                    END IF;
                END $$
                """), connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        File.Delete(marker);
    }
}
