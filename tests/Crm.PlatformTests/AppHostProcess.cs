using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Crm.PlatformTests;

/// <summary>
/// The built AppHost run as <c>./crm run</c> runs it (<c>dotnet Crm.AppHost.dll</c> from the repository root, the
/// real dashboard included), in a session and process group of its own so the signals a test sends reach it alone.
/// </summary>
public sealed partial class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<StartupLinks> _summary = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _app, _dashboard, _apiKey;

    private AppHostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _summary.TrySetException(new InvalidOperationException($"The AppHost exited ({_process.ExitCode}) before it was ready:\n{Output}"));
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything it printed so far, for a failure message.</summary>
    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <param name="settings">CRM_* variables; those of the test's own environment are not passed on.</param>
    public static async Task<AppHostProcess> StartAsync(string repoRoot, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(repoRoot, "Crm.AppHost", "bin", Configuration, "net10.0", "Crm.AppHost.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is missing: build the solution first.");
        // setsid execs in place (a child of this process is never a group leader), so the pid is the AppHost's.
        var psi = new ProcessStartInfo("setsid") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("dotnet");
        psi.ArgumentList.Add(dll);
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("CRM_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            psi.Environment[name] = value;
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var host = new AppHostProcess(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilExecedAsync(dll);
        return host;
    }

    /// <summary>Waits for the lines printed once the gateway is healthy: the app, the dashboard link and the API key.</summary>
    public async Task<StartupLinks> WaitForSummaryAsync(TimeSpan timeout)
    {
        try
        {
            return await _summary.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The AppHost printed no summary within {timeout.TotalSeconds:F0} s:\n{Output}");
        }
    }

    public void Terminate() => Signal("TERM");

    public void Kill() => Signal("KILL");

    private void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private async Task WaitUntilExecedAsync(string dll)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.ReadAllText($"/proc/{Pid}/cmdline").Contains(dll, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"setsid did not exec the AppHost in place (pid {Pid}):\n{Output}");
            }

            await Task.Delay(20);
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (SummaryLine().Match(line) is { Success: true } m)
        {
            var value = m.Groups["value"].Value;
            switch (m.Groups["name"].Value)
            {
                case "App":
                    _app = value;
                    break;
                case "Dashboard":
                    _dashboard = value;
                    break;
                default:
                    _apiKey = value;
                    break;
            }
        }
        else if (line.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal))
        {
            if (_app is null || _dashboard is null || _apiKey is null)
            {
                _summary.TrySetException(new InvalidOperationException($"Incomplete summary:\n{Output}"));
            }
            else
            {
                _summary.TrySetResult(new StartupLinks(new Uri(_app), new Uri(_dashboard), _apiKey));
            }
        }
    }

    public void Dispose() => _process.Dispose();

    [GeneratedRegex(@"^\s+(?<name>App|Dashboard|Telemetry API key \(x-api-key\)):\s+(?<value>\S+)\s*$")]
    private static partial Regex SummaryLine();

    public const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}

/// <summary>What the AppHost prints when the CRM is up.</summary>
public sealed record StartupLinks(Uri App, Uri DashboardLogin, string ApiKey)
{
    public Uri Dashboard => new(DashboardLogin.GetLeftPart(UriPartial.Authority));

    /// <summary>The browser token in the login link (<c>/login?t=...</c>).</summary>
    public string Token => System.Web.HttpUtility.ParseQueryString(DashboardLogin.Query)["t"] ?? "";
}
