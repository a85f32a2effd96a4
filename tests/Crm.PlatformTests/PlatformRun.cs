using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.AppHost.Hosting;

namespace Crm.PlatformTests;

/// <summary>
/// One data dir and one pair of ports (app, dashboard) for every AppHost start of the platform tests; the first
/// start, on a fresh data dir, happens here. Whatever is left of a run is killed and the data dir deleted at the end.
/// </summary>
public sealed class PlatformRun : IAsyncLifetime
{
    public const string AdminEmail = "admin@crm.local";
    public const string AdminPassword = "Platform-Admin-Passw0rd!";

    /// <summary>A cold start (initdb, RabbitMQ's first boot, migrations) on a two-core machine shared with other work.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private bool _disposed;

    public string RepoRoot { get; } = FindRepoRoot();

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "crm-platform-" + Guid.NewGuid().ToString("N")[..12]);

    public int HttpPort { get; } = FreePorts.Pick();

    public int HttpsPort { get; } = FreePorts.Pick();

    public int DashboardPort { get; } = FreePorts.Pick();

    public AppHostProcess Current { get; private set; } = null!;

    /// <summary>What the first start printed.</summary>
    public StartupLinks FirstLinks { get; private set; } = null!;

    /// <summary>The PostgreSQL cluster directory, known once a run's processes were listed.</summary>
    public string? PostgresDataDir { get; set; }

    public string GeneratedApiKeyFile => Path.Combine(DataDir, "secrets", "dashboard-api-key");

    public async Task InitializeAsync()
    {
        // The AppHost runs in a session of its own, out of reach of a Ctrl+C or a stop of this test run: when the
        // run ends before the steps do, a SIGKILL makes DCP stop what it started (the SIGKILL step proves it does).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!_disposed && Current is { HasExited: false })
            {
                Current.Kill();
            }
        };
        await StartAsync();
        FirstLinks = await Current.WaitForSummaryAsync(StartTimeout);
    }

    /// <summary>Starts the AppHost on this data dir and these ports, as <c>./crm run</c> would with these settings.</summary>
    public async Task<AppHostProcess> StartAsync(string? dashboardApiKey = null)
    {
        Current?.Dispose();
        var settings = new Dictionary<string, string>
        {
            ["CRM_DATA_DIR"] = DataDir,
            ["CRM_HTTP_PORT"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CRM_HTTPS_PORT"] = HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CRM_DASHBOARD_PORT"] = DashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CRM_ADMIN_EMAIL"] = AdminEmail,
            ["CRM_ADMIN_PASSWORD"] = AdminPassword,
            // Two Sales replicas: the rolling redeploy step replaces them one at a time.
            ["CRM_REPLICAS"] = "sales=2",
        };
        if (dashboardApiKey is not null)
        {
            settings["CRM_DASHBOARD_API_KEY"] = dashboardApiKey;
        }

        Current = await AppHostProcess.StartAsync(RepoRoot, settings);
        return Current;
    }

    /// <summary><c>./crm &lt;args&gt;</c> against this run's data dir, as an operator types it: its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> CrmAsync(params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepoRoot, "crm")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["CRM_DATA_DIR"] = DataDir;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Every process of the current run, as it is now.</summary>
    public IReadOnlyList<RunProcess> Processes() => RunProcesses.Find(Current.Pid, DataDir, Ports());

    /// <summary>Waits until the run's processes are as <paramref name="ready"/> wants them, and returns them.</summary>
    public async Task<IReadOnlyList<RunProcess>> WaitForProcessesAsync(Func<IReadOnlyList<RunProcess>, bool> ready, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var processes = Processes();
            if (ready(processes))
            {
                return processes;
            }

            (DateTime.UtcNow < deadline && !Current.HasExited).ShouldBeTrue($"the run's processes never got there:\n{string.Join('\n', processes)}\n{Current.Output}");
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// Waits until none of <paramref name="processes"/> is alive and nothing else of the run is found; returns how long
    /// that took from <paramref name="since"/>, or throws naming what is left after <paramref name="timeout"/>.
    /// <paramref name="log"/> hears when each process went, for a failure to say what was slow.
    /// </summary>
    public async Task<TimeSpan> WaitUntilGoneAsync(IReadOnlyList<RunProcess> processes, Stopwatch since, TimeSpan timeout, Action<string>? log = null)
    {
        var ports = Ports();
        var alive = processes.ToList();
        while (true)
        {
            foreach (var ended in alive.Where(p => !p.IsAlive).ToList())
            {
                log?.Invoke($"+{since.Elapsed.TotalSeconds:F1} s gone: {Shorten(ended.CommandLine)}");
                alive.Remove(ended);
            }

            var left = alive.Concat(RunProcesses.Find(Current.Pid, DataDir, ports)).DistinctBy(p => p.Pid).ToList();
            if (left.Count == 0)
            {
                return since.Elapsed;
            }

            if (since.Elapsed > timeout)
            {
                throw new TimeoutException($"{left.Count} process(es) of the run still there after {since.Elapsed.TotalSeconds:F1} s:\n{string.Join('\n', left)}");
            }

            await Task.Delay(100);
        }
    }

    private static string Shorten(string commandLine) => commandLine.Length <= 140 ? commandLine : commandLine[..140] + "...";

    /// <summary>The app and dashboard ports, and those the run lists in &lt;data&gt;/endpoints.json (services, broker).</summary>
    private List<int> Ports()
    {
        var ports = new List<int> { HttpPort, HttpsPort, DashboardPort };
        try
        {
            var json = File.ReadAllText(RunState.PathIn(DataDir));
            ports.AddRange(Regex.Matches(json, @"://[^:/""]+:(\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            // not written yet, or removed by a clean stop
        }

        return ports.Distinct().ToList();
    }

    public async Task DisposeAsync()
    {
        if (Current is not null)
        {
            foreach (var process in Processes().Where(p => p.IsAlive))
            {
                try
                {
                    using var handle = Process.GetProcessById(process.Pid);
                    handle.Kill();
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // gone meanwhile
                }
            }

            await Task.Delay(500);
            _disposed = true;
            Current.Dispose();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a process still closing its files; the temp dir is cleaned eventually
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Crm.sln not found above " + AppContext.BaseDirectory);
    }
}
