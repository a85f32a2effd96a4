using System.Globalization;
using Crm.AppHost.Backups;
using Crm.AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Crm.AppHost.Infrastructure;

public static class PostgresBuilderExtensions
{
    /// <summary>
    /// One PostgreSQL server (<c>postgres</c>) with a database per service. It is healthy once it answers a
    /// query and every database exists (they are created then, so a fresh data dir needs no other step).
    /// </summary>
    public static IResourceBuilder<ServerResource> AddCrmPostgres(
        this IDistributedApplicationBuilder builder, CrmSettings settings, IReadOnlyList<string> databases)
    {
        var server = new PostgresServer(settings);
        var backups = new PgBackRest(server, BackupSettings.From(builder.Configuration, server.DefaultBackupDir, settings.IsTesting));
        var port = FreePorts.Pick();
        if (builder.ExecutionContext.IsRunMode)
        {
            server.Prepare();
            if (backups.Settings.Enabled)
            {
                if (!PgBackRest.IsInstalled)
                {
                    throw new InvalidOperationException("postgres: backups need pgBackRest: apt-get install pgbackrest (./crm run does), or set CRM_BACKUPS=off.");
                }

                backups.WriteConfig(port);
                builder.Services.AddSingleton(backups);
                builder.Services.AddHostedService<BackupScheduler>();
            }
        }

        // A parameter, so the manifest names it instead of carrying the value.
        builder.Configuration["Parameters:postgres-password"] = server.Password;
        var password = builder.AddParameter("postgres-password", secret: true);
        List<string> args = [
            "-D", server.PgData, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // The services use TCP; the socket (a short path: at most 107 bytes) is pgBackRest's way in.
            "-c", $"unix_socket_directories={server.SocketDir}",
            "-c", "max_connections=300",
            // The CRM's databases live in memory (shared buffers and the page cache): a random page costs
            // about what a sequential one does, so a list's deep page reads its sort index rather than
            // sorting the whole table.
            "-c", "random_page_cost=1.1",
        ];
        if (backups.Settings.Enabled)
        {
            // Every WAL segment into the backup repository, and a segment closed at the latest a minute after a
            // commit: that minute is the recovery point (docs/operations.md).
            args.AddRange([
                "-c", "archive_mode=on",
                "-c", $"archive_command={backups.ArchiveCommand}",
                "-c", $"archive_timeout={(int)BackupSettings.ArchiveTimeout.TotalSeconds}",
            ]);
        }

        if (settings.IsTesting)
        {
            // Throw-away test data: skip what only guards against an operating-system crash. Commits stay
            // synchronous: chaos tests SIGKILL PostgreSQL and an acknowledged commit must survive that.
            args.AddRange(["-c", "fsync=off", "-c", "full_page_writes=off"]);
        }

        // DCP stops a process with SIGTERM, PostgreSQL's "smart" shutdown that waits for every client; the
        // wrapper turns it into SIGINT, the fast and clean one.
        var wrapper = Path.Combine(builder.AppHostDirectory, "scripts", "term-as-int.sh");
        var resource = new ServerResource("postgres", "/bin/sh", server.PgData, endpoint => ReferenceExpression.Create(
            $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username={PostgresServer.UserName};Password={password}"));
        return builder.AddResource(resource)
            .WithArgs([wrapper, .. server.Command(Path.Combine(server.BinDir, "postgres"), args)])
            .WithServerEndpoint(port, async (postgres, ct) =>
            {
                var connectionString = await postgres.ConnectionStringExpression.GetValueAsync(ct);
                // After a restore the server first replays the archive, read-only: the services must not start on it.
                if (await IsRecoveringAsync(connectionString!, ct))
                {
                    return HealthCheckResult.Unhealthy("replaying the WAL archive after a restore");
                }

                await EnsureDatabasesAsync(connectionString!, databases, ct);
                await RestoredEvents.RepublishAfterRestoreAsync(settings.DataDir, connectionString!, databases, ct);
                return HealthCheckResult.Healthy();
            });
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<ServerResource> server, string name, string databaseName) =>
        server.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, databaseName, server.Resource))
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", Properties = [], State = KnownResourceStates.Active });

    private static async Task<bool> IsRecoveringAsync(string serverConnectionString, CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false, Timeout = 3 };
        await using var connection = new NpgsqlConnection(csb.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select pg_is_in_recovery()", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Creates the databases that do not exist yet (kept across runs otherwise).</summary>
    private static async Task EnsureDatabasesAsync(string serverConnectionString, IReadOnlyList<string> databases, CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false, Timeout = 3 };
        await using var connection = new NpgsqlConnection(csb.ConnectionString);
        await connection.OpenAsync(ct);
        await using var existing = new NpgsqlCommand("select datname from pg_database where datname = any(@names)", connection);
        existing.Parameters.AddWithValue("names", databases.ToArray());
        var found = new HashSet<string>();
        await using (var reader = await existing.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found.Add(reader.GetString(0));
            }
        }

        foreach (var name in databases.Where(d => !found.Contains(d)))
        {
            // Names are our own constants, never input.
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }
}
