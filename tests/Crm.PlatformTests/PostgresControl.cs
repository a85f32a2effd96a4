using System.Diagnostics;

namespace Crm.PlatformTests;

/// <summary>
/// <c>pg_controldata</c> of a stopped cluster: what PostgreSQL itself reads at start to decide whether it must replay
/// WAL (crash recovery, logged as "database system was interrupted ... redo starts") or not ("database system was shut
/// down at ...").
/// </summary>
public sealed record PostgresControl(string ClusterState, string CheckpointLocation, string RedoLocation)
{
    /// <summary>A clean shutdown: the state says so and the last checkpoint is its own redo point (nothing to replay).</summary>
    public bool IsCleanShutdown => ClusterState == "shut down" && CheckpointLocation == RedoLocation;

    public static PostgresControl Read(string pgData)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin", "pg_controldata"))
            .Where(File.Exists)
            .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
            .First();
        var psi = new ProcessStartInfo(bin, [pgData]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["LC_ALL"] = "C";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        var fields = output.Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        return new PostgresControl(
            fields.GetValueOrDefault("Database cluster state") ?? throw new InvalidOperationException($"pg_controldata {pgData}: {output}"),
            fields.GetValueOrDefault("Latest checkpoint location") ?? "",
            fields.GetValueOrDefault("Latest checkpoint's REDO location") ?? "");
    }
}
