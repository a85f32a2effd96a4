using System.Diagnostics;
using System.Globalization;
using Crm.AppHost.Hosting;
using Crm.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Crm.AppHost.Backups;

/// <summary>
/// <c>./crm backup</c> (a full backup now, the CRM running), <c>./crm backups</c> (what can be restored) and
/// <c>./crm restore [--to "YYYY-MM-DD HH:MM:SS"]</c> (the whole cluster, the CRM stopped): docs/operations.md.
/// </summary>
public static class BackupCommands
{
    public static readonly string[] Names = ["backup", "backups", "restore"];

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string appHostDirectory)
    {
        // Only the data dir: the ports of a run are its own business (and in use while it runs).
        var dataDir = CrmSettings.DataDirFrom(configuration, appHostDirectory);
        var server = new PostgresServer(dataDir);
        var pgBackRest = new PgBackRest(server, BackupSettings.From(configuration, server.DefaultBackupDir, testing: false));
        if (!File.Exists(pgBackRest.ConfigPath))
        {
            Console.Error.WriteLine($"crm: no backup repository at {pgBackRest.Settings.Directory} yet: ./crm run creates it (and takes the first backup).");
            return 1;
        }

        return args[0] switch
        {
            "backup" => await BackupAsync(dataDir, server, pgBackRest),
            "backups" => await ListAsync(pgBackRest),
            _ => await RestoreAsync(args.Skip(1).ToArray(), dataDir, server, pgBackRest),
        };
    }

    private static async Task<int> BackupAsync(string dataDir, PostgresServer server, PgBackRest pgBackRest)
    {
        if (!IsRunning(dataDir, server, out _))
        {
            Console.Error.WriteLine("crm: the CRM is not running: start it (./crm run) to take a backup.");
            return 1;
        }

        var started = Stopwatch.StartNew();
        var result = await pgBackRest.BackupAsync(CancellationToken.None);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"crm: backup failed ({result.ExitCode}): {result.Output}");
            return 1;
        }

        var last = (await pgBackRest.ListAsync(CancellationToken.None))[^1];
        Console.WriteLine($"crm: backup {last.Label} taken in {started.Elapsed.TotalSeconds:F1} s ({Size(last.StoredBytes)} stored) into {pgBackRest.Settings.Directory}");
        return 0;
    }

    private static async Task<int> ListAsync(PgBackRest pgBackRest)
    {
        var backups = await pgBackRest.ListAsync(CancellationToken.None);
        if (backups.Count == 0)
        {
            Console.WriteLine($"crm: no backup yet in {pgBackRest.Settings.Directory}");
            return 0;
        }

        Console.WriteLine($"Backups in {pgBackRest.Settings.Directory} (full ones kept: {pgBackRest.Settings.RetentionFull}):");
        Console.WriteLine($"  {"label",-26} {"type",-5} {"finished (local time)",-26} {"database",10} {"stored",10}");
        foreach (var b in backups)
        {
            Console.WriteLine($"  {b.Label,-26} {b.Type,-5} {b.Finished.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),-26} {Size(b.DatabaseBytes),10} {Size(b.StoredBytes),10}");
        }

        Console.WriteLine($"Restorable to any moment from {backups[0].Finished.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} to the last archived WAL (at most {BackupSettings.ArchiveTimeout.TotalSeconds:F0} s behind the last commit).");
        return 0;
    }

    private static async Task<int> RestoreAsync(string[] args, string dataDir, PostgresServer server, PgBackRest pgBackRest)
    {
        string? target = null;
        if (args.Length == 2 && args[0] == "--to" && DateTimeOffset.TryParse(args[1], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out _))
        {
            target = args[1].Trim();
        }
        else if (args.Length != 0)
        {
            Console.Error.WriteLine("usage: ./crm restore [--to \"YYYY-MM-DD HH:MM:SS\"]   (the server's time zone unless the time names one)");
            return 2;
        }

        if (IsRunning(dataDir, server, out var why))
        {
            Console.Error.WriteLine($"crm: the CRM is running ({why}): stop it first (Ctrl+C in ./crm run), then restore.");
            return 1;
        }

        var started = Stopwatch.StartNew();
        // A lost or emptied cluster directory is restored whole (with the backup's modes); pgBackRest wants it there, owned by the server's user.
        server.PrepareDirectory(server.PgData);
        var result = await pgBackRest.RestoreAsync(target, CancellationToken.None);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"crm: restore failed ({result.ExitCode}): {result.Output}");
            return 1;
        }

        // What the broker held belongs to the time after the restore point: the next start publishes again what
        // the services had sent before it (RestoredEvents).
        var mnesia = Path.Combine(dataDir, "rabbitmq", "mnesia");
        if (Directory.Exists(mnesia))
        {
            Directory.Delete(mnesia, recursive: true);
        }

        RestoredEvents.MarkRestored(dataDir, target);
        Console.WriteLine($"crm: restored the cluster to {target ?? "the end of the WAL archive"} in {started.Elapsed.TotalSeconds:F1} s; the next ./crm run replays the WAL up to it, then serves.");
        return 0;
    }

    /// <summary>Running when the AppHost of the data dir is alive, or its PostgreSQL still holds the data dir.</summary>
    private static bool IsRunning(string dataDir, PostgresServer server, out string why)
    {
        if (RunState.Alive(dataDir) is { } run)
        {
            why = $"AppHost pid {run.AppHostPid}";
            return true;
        }

        var pid = Path.Combine(server.PgData, "postmaster.pid");
        if (File.Exists(pid) && int.TryParse(File.ReadLines(pid).FirstOrDefault(), out var postmaster) && RunState.IsAlive(postmaster))
        {
            why = $"PostgreSQL pid {postmaster}";
            return true;
        }

        why = "";
        return false;
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 30 => $"{bytes / (double)(1 << 30):F1} GB",
        >= 1 << 20 => $"{bytes / (double)(1 << 20):F1} MB",
        _ => $"{bytes / 1024.0:F0} kB",
    };
}
