using System.Globalization;
using System.Text.RegularExpressions;
using Crm.Testing;

namespace Crm.PlatformTests;

/// <summary>One process, told apart from a later one given the same pid by its start time.</summary>
public sealed record RunProcess(int Pid, ulong StartTime, string CommandLine)
{
    public bool IsAlive => RunProcesses.StartTimeOf(Pid) == StartTime;

    public override string ToString() => $"{Pid} {CommandLine}";
}

/// <summary>
/// The processes of one AppHost run, from /proc: the AppHost and what it started, Aspire's orchestrator (DCP, which
/// runs the resources in a session of its own and watches the AppHost's pid), and anything whose command line or
/// working directory names the run's data dir or one of its ports.
/// </summary>
public static class RunProcesses
{
    public static IReadOnlyList<RunProcess> Find(int appHostPid, string dataDir, IReadOnlyCollection<int> ports)
    {
        var roots = new List<int> { appHostPid };
        var matches = new List<int>();
        var self = Environment.ProcessId;
        foreach (var pid in AllPids().Where(p => p != self))
        {
            var commandLine = CommandLineOf(pid);
            if (commandLine.Contains("dcp", StringComparison.Ordinal) && Regex.IsMatch(commandLine, $@"--monitor {appHostPid}(?!\d)"))
            {
                roots.Add(pid);
            }
            else if (commandLine.Contains(dataDir, StringComparison.Ordinal) || CwdOf(pid)?.StartsWith(dataDir, StringComparison.Ordinal) == true
                || ports.Any(port => MentionsPort(commandLine, port)))
            {
                matches.Add(pid);
            }
        }

        return roots.SelectMany(ProcessTree.Of).Concat(matches).Distinct()
            .Select(pid => StartTimeOf(pid) is { } start ? new RunProcess(pid, start, CommandLineOf(pid)) : null)
            .OfType<RunProcess>()
            .ToList();
    }

    /// <summary>The cluster directory of the run's PostgreSQL (<c>postgres -D dir</c>), from its command line.</summary>
    public static string PostgresDataDir(IEnumerable<RunProcess> processes) =>
        processes.Select(p => Regex.Match(p.CommandLine, @"/bin/postgres -D (\S+)")).FirstOrDefault(m => m.Success)?.Groups[1].Value
        ?? throw new InvalidOperationException("No postgres process in the run.");

    /// <summary>Field 22 of /proc/pid/stat: when the process started, in clock ticks since boot; null once it has ended.</summary>
    public static ulong? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // A zombie has ended; only its parent's wait is missing.
            return fields[0] == "Z" ? null : ulong.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0);

    private static bool MentionsPort(string commandLine, int port) =>
        Regex.IsMatch(commandLine, $@"(?<!\d){port}(?!\d)");

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string? CwdOf(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
