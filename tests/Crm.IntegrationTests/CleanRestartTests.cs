using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crm.AppHost.Hosting;
using Shouldly;
using Xunit.Abstractions;

namespace Crm.IntegrationTests;

/// <summary>Runs its own CRM (as `./crm run` does), so it stays out of the shared one.</summary>
[CollectionDefinition(Name)]
public sealed class CleanRestartCollection
{
    public const string Name = "clean-restart";
}

/// <summary>
/// `./crm run` after the previous run of the same data dir was killed with its watchdog (SIGKILL, nothing
/// cleaned up): the new run removes the leftovers first, then checks and takes the same ports.
/// </summary>
[Collection(CleanRestartCollection.Name)]
public sealed class CleanRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "crm-restart-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly int _httpPort = FreePort();
    private readonly int _dashboardPort = FreePort();
    private readonly List<AppHostRun> _runs = [];

    [Fact]
    public async Task A_run_after_the_host_and_its_watchdog_were_killed_removes_their_leftovers_and_starts_on_the_same_ports()
    {
        var first = Start();
        await first.WaitHealthyAsync(_httpPort, StartTimeout);
        var leftovers = ProcessesOf(first).ToList();
        leftovers.Count.ShouldBeGreaterThan(5, "postgres, redis, rabbitmq, the services and the gateway");
        var watchdog = leftovers.Single(p => p.CommandLine.Contains(Reaper.Flag, StringComparison.Ordinal));

        // Together, watchdog first: nothing of the first run gets the chance to clean up.
        Posix.Signal(watchdog.Pid, Posix.SIGKILL);
        Posix.Signal(first.Pid, Posix.SIGKILL);
        await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var survivors = leftovers.Where(p => p.Pid != first.Pid && p.Pid != watchdog.Pid && p.IsAlive()).ToList();
        survivors.ShouldNotBeEmpty("the killed run leaves its children behind");

        var second = Start();
        await second.WaitHealthyAsync(_httpPort, StartTimeout);

        second.HasExited.ShouldBeFalse();
        second.Output.ShouldNotContain("is in use");
        survivors.Where(p => p.IsAlive()).Select(p => p.ToString()).ShouldBeEmpty();
        using var dashboard = new HttpClient();
        (await dashboard.GetAsync($"http://localhost:{_dashboardPort}/api/resources")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var run in _runs)
        {
            await run.StopAsync();
            output.WriteLine($"--- AppHost pid {run.Pid} ---{Environment.NewLine}{run.Output}");
        }

        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private AppHostRun Start()
    {
        var run = AppHostRun.Start(_dataDir, _httpPort, _dashboardPort);
        _runs.Add(run);
        return run;
    }

    /// <summary>
    /// The run's process tree, plus what left it (daemons such as epmd): everything started for the data dir
    /// inherits CRM_DATA_DIR from the host.
    /// </summary>
    private IEnumerable<ProcessInfo> ProcessesOf(AppHostRun run)
    {
        var all = ProcessInfo.All();
        var tree = new HashSet<int> { run.Pid };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var p in all.Where(p => tree.Contains(p.ParentPid) && tree.Add(p.Pid)))
            {
                grew = true;
            }
        }

        var marker = "CRM_DATA_DIR=" + _dataDir;
        return all.Where(p => tree.Contains(p.Pid) || p.HasEnvironmentEntry(marker));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One process, identified by pid and start time (a recycled pid is another process).</summary>
    private sealed record ProcessInfo(int Pid, int ParentPid, string StartTime, string CommandLine)
    {
        public static List<ProcessInfo> All()
        {
            var list = new List<ProcessInfo>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } info)
                {
                    list.Add(info);
                }
            }

            return list;
        }

        public bool IsAlive() => Read(Pid) is { } now && now.StartTime == StartTime && !now.IsZombie;

        public bool HasEnvironmentEntry(string entry)
        {
            try
            {
                return Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{Pid}/environ")).Split('\0').Contains(entry);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        private bool IsZombie { get; init; }

        private static ProcessInfo? Read(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                // Fields after "(comm)": state ppid pgrp ... starttime is the 20th of them.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
                return new ProcessInfo(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), fields[19], cmdline) { IsZombie = fields[0] == "Z" };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                return null;
            }
        }

        public override string ToString() => $"{Pid} {CommandLine}";
    }

    /// <summary>`dotnet Crm.AppHost.dll` with the settings `./crm run` takes from the environment.</summary>
    private sealed class AppHostRun
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private AppHostRun(Process process)
        {
            _process = process;
        }

        public int Pid => _process.Id;

        public bool HasExited => _process.HasExited;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static AppHostRun Start(string dataDir, int httpPort, int dashboardPort)
        {
            var root = RepoLayout.FindRoot();
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = root,
            };
            psi.ArgumentList.Add(Path.Combine(root, "Crm.AppHost", "bin", RepoLayout.BuildConfiguration, "net10.0", "Crm.AppHost.dll"));
            psi.Environment["CRM_DATA_DIR"] = dataDir;
            psi.Environment["CRM_HTTP_PORT"] = httpPort.ToString(CultureInfo.InvariantCulture);
            psi.Environment["CRM_DASHBOARD_PORT"] = dashboardPort.ToString(CultureInfo.InvariantCulture);
            psi.Environment["CRM_ENVIRONMENT"] = "Testing";
            psi.Environment["CRM_ADMIN_PASSWORD"] = "Restart-Test-Passw0rd!";
            var run = new AppHostRun(new Process { StartInfo = psi });
            run._process.OutputDataReceived += (_, e) => run.Append(e.Data);
            run._process.ErrorDataReceived += (_, e) => run.Append(e.Data);
            run._process.Start();
            run._process.StandardInput.Close();
            run._process.BeginOutputReadLine();
            run._process.BeginErrorReadLine();
            return run;
        }

        /// <summary>Until the gateway's health answers 200 (the host prints its URLs only then), or the host dies.</summary>
        public async Task WaitHealthyAsync(int httpPort, TimeSpan timeout)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await Eventually.WaitForAsync(
                async () =>
                {
                    if (HasExited)
                    {
                        throw new InvalidOperationException($"The AppHost exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
                    }

                    try
                    {
                        using var response = await client.GetAsync($"http://localhost:{httpPort}/api/v1/health");
                        return response.StatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return HttpStatusCode.ServiceUnavailable;
                    }
                },
                status => status == HttpStatusCode.OK && Output.Contains("Press Ctrl+C", StringComparison.Ordinal),
                timeout,
                $"the AppHost (pid {Pid}) to be up");
        }

        public async Task WaitForExitAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cts.Token);
        }

        /// <summary>Ctrl+C's way (SIGTERM): the host stops everything it started.</summary>
        public async Task StopAsync()
        {
            if (_process.HasExited)
            {
                return;
            }

            Posix.Signal(Pid, Posix.SIGTERM);
            try
            {
                await WaitForExitAsync(TimeSpan.FromMinutes(2));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
