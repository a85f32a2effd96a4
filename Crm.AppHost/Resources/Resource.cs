using Crm.AppHost.Hosting;

namespace Crm.AppHost.Resources;

/// <summary>
/// One process the topology runs (Aspire's "resource"): started, health-checked, restarted after a
/// crash with exponential back-off (infrastructure as well as services), and stopped.
/// </summary>
public abstract class Resource(string name, string kind, ResourceContext context)
{
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private ChildProcess? _process;
    private CancellationTokenSource? _supervision;
    private int _consecutiveCrashes;

    public string Name { get; } = name;

    /// <summary>"executable" (infrastructure, a container under real Aspire) or "project" (a .NET service).</summary>
    public string Kind { get; } = kind;

    public ResourceState State { get; protected set; } = ResourceState.NotStarted;

    public HealthStatus Health { get; set; } = HealthStatus.Unknown;

    public int Restarts { get; private set; }

    public int? Pid => _process is { HasExited: false } p ? p.Pid : null;

    public abstract string? Endpoint { get; }

    public LogBuffer Logs { get; } = new();

    /// <summary>Names this resource waits for (healthy) before it starts.</summary>
    public IList<string> DependsOn { get; } = [];

    protected ResourceContext Context { get; } = context;

    public ResourceSnapshot Snapshot() =>
        new(Name, Kind, State.ToString(), Pid, Endpoint, Health.ToString(), Restarts);

    public abstract Task<bool> CheckHealthAsync(CancellationToken ct);

    /// <summary>
    /// Preparation before every process start, the first and each restart after a crash (initdb, config
    /// files, clearing what a killed predecessor left): must be safe to run again.
    /// </summary>
    protected virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    protected abstract ProcessSpec CreateProcessSpec();

    /// <summary>Graceful stop of a running process; the base kills what is still there afterwards.</summary>
    protected virtual Task StopProcessAsync(ChildProcess process, CancellationToken ct) =>
        process.StopAsync(TimeSpan.FromSeconds(10));

    public void MarkWaiting()
    {
        if (State is ResourceState.NotStarted or ResourceState.Stopped)
        {
            State = ResourceState.Waiting;
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        await _lifecycle.WaitAsync(ct);
        try
        {
            if (_process is { HasExited: false })
            {
                return;
            }

            State = ResourceState.Starting;
            Health = HealthStatus.Unknown;
            try
            {
                await PrepareAsync(ct);
                Launch();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                State = ResourceState.FailedToStart;
                Logs.Add($"[apphost] failed to start: {ex.Message}", isError: true);
                throw;
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Polls health until it answers or the process dies or <paramref name="timeout"/> passes.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (State is ResourceState.FailedToStart or ResourceState.Exited or ResourceState.Stopped or ResourceState.NotStarted)
            {
                throw new ResourceFailedException(this, $"{Name} is {State}.");
            }

            if (State == ResourceState.Running && await SafeCheckAsync(ct))
            {
                Health = HealthStatus.Healthy;
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ResourceFailedException(this, $"{Name} did not become healthy within {timeout.TotalSeconds:0}s.");
            }

            await Task.Delay(500, ct);
        }
    }

    public async Task<bool> SafeCheckAsync(CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            return await CheckHealthAsync(cts.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _lifecycle.WaitAsync(ct);
        try
        {
            _supervision?.Cancel();
            if (_process is { } process)
            {
                if (!process.HasExited)
                {
                    State = ResourceState.Stopping;
                    try
                    {
                        await StopProcessAsync(process, ct);
                    }
                    finally
                    {
                        if (!process.HasExited)
                        {
                            process.Kill();
                            await process.WaitAsync(TimeSpan.FromSeconds(5));
                        }
                    }
                }

                process.Dispose();
                _process = null;
                StaleProcesses.DeletePidFile(Context.DataDir, Name);
            }

            State = ResourceState.Stopped;
            Health = HealthStatus.Unknown;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Kills the running process and its helpers with SIGKILL, as a crash would (chaos tests); supervision
    /// restarts it. Returns once the process is gone.
    /// </summary>
    public async Task KillAsync(CancellationToken ct)
    {
        if (_process is not { HasExited: false } process)
        {
            throw new InvalidOperationException($"{Name} is not running ({State}).");
        }

        Logs.Add("[apphost] killing the process (SIGKILL)", isError: true);
        process.Kill();
        await process.Exited.WaitAsync(ct);
    }

    private void Launch()
    {
        var spec = CreateProcessSpec();
        Logs.Add($"[apphost] starting: {spec}");
        var process = ChildProcess.Start(spec, Logs, Context.DataDir);
        _process = process;
        StaleProcesses.WritePidFile(Context.DataDir, Name, process.Pid);
        State = ResourceState.Running;

        // Retire the previous supervisor (if a manual start raced a pending restart).
        _supervision?.Cancel();
        _supervision?.Dispose();
        _supervision = new CancellationTokenSource();
        _ = SuperviseAsync(process, _supervision.Token);
    }

    private async Task SuperviseAsync(ChildProcess process, CancellationToken stopRequested)
    {
        var startedAt = DateTime.UtcNow;
        try
        {
            await process.Exited.WaitAsync(stopRequested);
        }
        catch (OperationCanceledException)
        {
            return; // a requested stop: StopAsync owns the state
        }

        Logs.Add($"[apphost] process exited with code {process.ExitCode}", isError: true);
        Health = HealthStatus.Unhealthy;
        // What the crashed process leaves in its group (the broker VM under rabbitmq-server's shell) would
        // hold the port and the node name, and make the restart fail.
        process.Kill();

        // A process that ran for a while before crashing starts its back-off from scratch.
        _consecutiveCrashes = DateTime.UtcNow - startedAt > TimeSpan.FromMinutes(1) ? 1 : _consecutiveCrashes + 1;
        while (true)
        {
            var delay = Backoff.Delay(_consecutiveCrashes);
            State = ResourceState.Restarting;
            Logs.Add($"[apphost] restarting in {delay.TotalSeconds:0.#}s (crash #{_consecutiveCrashes})", isError: true);
            try
            {
                await Task.Delay(delay, stopRequested);
                await _lifecycle.WaitAsync(stopRequested);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (stopRequested.IsCancellationRequested || !ReferenceEquals(_process, process))
                {
                    return;
                }

                Restarts++;
                await PrepareAsync(stopRequested);
                process.Dispose();
                Launch();
                return;
            }
            catch (OperationCanceledException) when (stopRequested.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Keep trying with a longer wait: the cause (a port, a lock file) may clear by itself.
                Logs.Add($"[apphost] restart failed: {ex.Message}", isError: true);
                _consecutiveCrashes++;
            }
            finally
            {
                _lifecycle.Release();
            }
        }
    }
}

public sealed class ResourceFailedException(Resource resource, string message)
    : Exception(message + Environment.NewLine + string.Join(Environment.NewLine, resource.Logs.Tail(40).Select(l => "  | " + l.Text)))
{
    public string ResourceName { get; } = resource.Name;
}
