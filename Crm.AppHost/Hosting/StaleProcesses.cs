using System.Globalization;
using System.Text;

namespace Crm.AppHost.Hosting;

/// <summary>
/// Finds processes left behind by an AppHost that was killed (SIGKILL, crash): every child carries the
/// owner's data dir and pid in its environment, and each resource writes a pid file under the data dir.
/// </summary>
public static class StaleProcesses
{
    /// <summary>Live processes started for <paramref name="dataDir"/> by an AppHost other than this one.</summary>
    public static IReadOnlyList<int> Find(string dataDir) =>
        Find((ownerDir, ownerPid) => ownerPid != Environment.ProcessId && ownerDir == dataDir);

    /// <summary>Live processes whose AppHost is gone (killed without cleaning up), whatever their data dir.</summary>
    public static IReadOnlyList<int> FindOrphans() =>
        Find((_, ownerPid) => ownerPid != Environment.ProcessId && !Posix.IsAlive(ownerPid));

    /// <summary>Live processes this AppHost started for <paramref name="dataDir"/> (also daemons such as epmd).</summary>
    public static IReadOnlyList<int> FindOwn(string dataDir) => FindOwnedBy(dataDir, Environment.ProcessId);

    public static IReadOnlyList<int> FindOwnedBy(string dataDir, int ownerPid) =>
        Find((dir, pid) => pid == ownerPid && dir == dataDir);

    /// <summary>
    /// Live processes whose working directory is <paramref name="dir"/>: how the backends of a postmaster that
    /// was killed are found (they set up their own sessions and rewrite their environment for the process title).
    /// </summary>
    public static IReadOnlyList<int> FindByWorkingDirectory(string dir)
    {
        var found = new List<int>();
        if (!Directory.Exists("/proc"))
        {
            return found;
        }

        var target = Path.GetFullPath(dir).TrimEnd('/');
        foreach (var procDir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(procDir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (new FileInfo(Path.Combine(procDir, "cwd")).LinkTarget is { } cwd && cwd.TrimEnd('/') == target && IsRunning(pid))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile, or not ours to look at
            }
        }

        return found;
    }

    private static List<int> Find(Func<string, int, bool> match)
    {
        var found = new List<int>();
        if (!Directory.Exists("/proc"))
        {
            return found;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId
                || ReadEnvironment(pid) is not { } env
                || !env.TryGetValue(ChildProcess.OwnerDirVariable, out var owner)
                || !IsRunning(pid))
            {
                continue;
            }

            var ownerPid = env.TryGetValue(ChildProcess.OwnerPidVariable, out var p)
                && int.TryParse(p, CultureInfo.InvariantCulture, out var op) ? op : 0;
            if (match(owner, ownerPid))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>SIGTERM, a grace period, then SIGKILL for whatever is still there; returns once they are gone.</summary>
    public static async Task KillAsync(IReadOnlyCollection<int> pids, TimeSpan grace, Action<string>? log = null)
    {
        if (pids.Count == 0)
        {
            return;
        }

        log?.Invoke($"stopping {pids.Count} stale process(es) from a previous run: {string.Join(' ', pids)}");
        foreach (var pid in pids)
        {
            // SIGTERM is a "smart" shutdown for postgres (waits for clients); SIGINT is its fast one.
            Posix.Signal(pid, Command(pid) == "postgres" ? Posix.SIGINT : Posix.SIGTERM);
        }

        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && pids.Any(IsRunning))
        {
            await Task.Delay(200);
        }

        foreach (var pid in pids.Where(IsRunning))
        {
            Posix.Signal(pid, Posix.SIGKILL);
        }

        // Gone for good before the caller reuses their ports and files.
        var killDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < killDeadline && pids.Any(IsRunning))
        {
            await Task.Delay(100);
        }
    }

    public static string Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 2)..];
            return afterName.Length > 0 && afterName[0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return Posix.IsAlive(pid);
        }
    }

    /// <summary>Records "pid start-time": the start time tells a recycled pid from ours even when the
    /// process rewrote its environment (redis and postgres do, for their process titles).</summary>
    public static void WritePidFile(string dataDir, string resource, int pid)
    {
        var dir = Path.Combine(dataDir, "run");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, resource + ".pid"), FormattableString.Invariant($"{pid} {StartTime(pid)}"));
    }

    public static void DeletePidFile(string dataDir, string resource) =>
        File.Delete(Path.Combine(dataDir, "run", resource + ".pid"));

    /// <summary>Pids recorded in pid files whose very process (same start time) still runs; the files are removed.</summary>
    public static IReadOnlyList<int> FromPidFiles(string dataDir)
    {
        var dir = Path.Combine(dataDir, "run");
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var pids = new List<int>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.pid"))
        {
            var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2
                && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && IsRunning(pid)
                && StartTime(pid) == parts[1])
            {
                pids.Add(pid);
            }

            File.Delete(file);
        }

        return pids;
    }

    /// <summary>Field 22 of /proc/pid/stat (clock ticks since boot), or "?" when unreadable.</summary>
    private static string StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : "?";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static Dictionary<string, string>? ReadEnvironment(int pid)
    {
        try
        {
            var raw = File.ReadAllBytes($"/proc/{pid}/environ");
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in Encoding.UTF8.GetString(raw).Split('\0'))
            {
                var eq = entry.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && entry.StartsWith("CRM_APPHOST_", StringComparison.Ordinal))
                {
                    result[entry[..eq]] = entry[(eq + 1)..];
                }
            }

            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
