using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Crm.AppHost.Infrastructure;

namespace Crm.AppHost.Backups;

/// <summary>
/// The cluster's backups with pgBackRest (docs/operations.md says why): WAL archived continuously by
/// PostgreSQL's archive_command, full backups into one repository, retention, and point-in-time restore. It
/// runs as the user PostgreSQL runs as, and reaches the server over its Unix socket.
/// </summary>
public sealed class PgBackRest(PostgresServer server, BackupSettings settings)
{
    public const string Stanza = "crm";
    private const string Program = "/usr/bin/pgbackrest";

    public string ConfigPath => Path.Combine(settings.Directory, "pgbackrest.conf");

    public BackupSettings Settings => settings;

    public static bool IsInstalled => File.Exists(Program);

    /// <summary>PostgreSQL's archive_command: every finished WAL segment into the repository.</summary>
    public string ArchiveCommand => $"{Program} --config={ConfigPath} --stanza={Stanza} archive-push %p";

    /// <summary>Writes the configuration for this run (the server's port changes with every start) and the repository's directories.</summary>
    public void WriteConfig(int port)
    {
        server.PrepareDirectory(settings.Directory);
        var config = new StringBuilder()
            .AppendLine("# Written by the CRM at every start (the server's port changes): edit CRM_BACKUP_* settings instead.")
            .AppendLine("[global]")
            .AppendLine(CultureInfo.InvariantCulture, $"repo1-path={Path.Combine(settings.Directory, "repo")}")
            .AppendLine(CultureInfo.InvariantCulture, $"repo1-retention-full={settings.RetentionFull}")
            .AppendLine(CultureInfo.InvariantCulture, $"log-path={Path.Combine(settings.Directory, "log")}")
            .AppendLine(CultureInfo.InvariantCulture, $"lock-path={Path.Combine(settings.Directory, "lock")}")
            .AppendLine(CultureInfo.InvariantCulture, $"spool-path={Path.Combine(settings.Directory, "spool")}")
            .AppendLine("compress-type=lz4")
            .AppendLine("start-fast=y")
            .AppendLine("log-level-console=warn")
            .AppendLine("log-level-file=info")
            .AppendLine(CultureInfo.InvariantCulture, $"[{Stanza}]")
            .AppendLine(CultureInfo.InvariantCulture, $"pg1-path={server.PgData}")
            .AppendLine(CultureInfo.InvariantCulture, $"pg1-port={port}")
            .AppendLine(CultureInfo.InvariantCulture, $"pg1-socket-path={server.SocketDir}")
            .AppendLine(CultureInfo.InvariantCulture, $"pg1-user={PostgresServer.UserName}");
        var temp = ConfigPath + ".tmp";
        File.WriteAllText(temp, config.ToString());
        File.Move(temp, ConfigPath, overwrite: true);
        server.GiveToServiceUser(ConfigPath);
    }

    /// <summary>Creates the repository's stanza; a no-op when it exists.</summary>
    public Task<Result> CreateStanzaAsync(CancellationToken ct) => RunAsync(["stanza-create"], ct);

    public Task<Result> BackupAsync(CancellationToken ct) => RunAsync(["--type=full", "backup"], ct);

    public Task<Result> InfoJsonAsync(CancellationToken ct) => RunAsync(["--output=json", "info"], ct);

    /// <summary>Restores the cluster into its data dir (the server must be stopped): to the end of the archive, or to <paramref name="target"/>.</summary>
    public Task<Result> RestoreAsync(string? target, CancellationToken ct) =>
        RunAsync(target is null
            ? ["--delta", "--type=default", "restore"]
            : ["--delta", "--type=time", $"--target={target}", "--target-action=promote", "restore"], ct);

    /// <summary>The backups in the repository, oldest first (empty when there is none yet).</summary>
    public async Task<IReadOnlyList<BackupInfo>> ListAsync(CancellationToken ct)
    {
        var result = await InfoJsonAsync(ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"pgbackrest info failed: {result.Output}");
        }

        var stanzas = JsonNode.Parse(result.Output)?.AsArray() ?? [];
        return [.. stanzas
            .SelectMany(s => s?["backup"]?.AsArray() ?? [])
            .Select(b => new BackupInfo(
                b!["label"]!.GetValue<string>(),
                b["type"]!.GetValue<string>(),
                DateTimeOffset.FromUnixTimeSeconds(b["timestamp"]!["start"]!.GetValue<long>()),
                DateTimeOffset.FromUnixTimeSeconds(b["timestamp"]!["stop"]!.GetValue<long>()),
                b["info"]?["size"]?.GetValue<long>() ?? 0,
                b["info"]?["repository"]?["delta"]?.GetValue<long>() ?? 0))];
    }

    public async Task<Result> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var command = server.Command(Program, [$"--config={ConfigPath}", $"--stanza={Stanza}", .. args]);
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Program}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new Result(process.ExitCode, (await output) + (await error));
    }

    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }
}

public sealed record BackupInfo(string Label, string Type, DateTimeOffset Started, DateTimeOffset Finished, long DatabaseBytes, long StoredBytes);
