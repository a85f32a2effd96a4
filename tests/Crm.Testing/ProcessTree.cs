namespace Crm.Testing;

/// <summary>
/// A process and everything it started, from /proc. PostgreSQL runs under a signal wrapper (and RabbitMQ under
/// its start script), so the pid Aspire reports may be the parent of the real server.
/// </summary>
public static class ProcessTree
{
    /// <summary>SIGKILLs <paramref name="root"/> and its descendants, children first found, all at once (like a crash).</summary>
    public static IReadOnlyList<int> Kill(int root)
    {
        var tree = Of(root);
        foreach (var pid in tree)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // already gone
            }
        }

        return tree;
    }

    public static bool AnyAlive(IEnumerable<int> pids) => pids.Any(pid => Directory.Exists($"/proc/{pid}"));

    public static IReadOnlyList<int> Of(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
