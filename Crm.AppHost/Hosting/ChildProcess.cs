using System.Diagnostics;

namespace Crm.AppHost.Hosting;

/// <summary>
/// One child process with stdout/stderr captured into a <see cref="LogBuffer"/>. Children run in their
/// own session (setsid) so the terminal's Ctrl+C reaches only the AppHost, which then stops them in order.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    /// <summary>Every child carries these so a later run can find processes a killed AppHost left behind.</summary>
    public const string OwnerDirVariable = "CRM_APPHOST_DATA_DIR";
    public const string OwnerPidVariable = "CRM_APPHOST_PID";

    private readonly Process _process;

    private ChildProcess(Process process, Task exited)
    {
        _process = process;
        Exited = exited;
    }

    public int Pid => _process.Id;

    /// <summary>Completes when the process has exited and its output has been drained.</summary>
    public Task Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public int? ExitCode => HasExited ? _process.ExitCode : null;

    public static ChildProcess Start(ProcessSpec spec, LogBuffer log, string ownerDataDir)
    {
        var psi = new ProcessStartInfo
        {
            FileName = "setsid",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };

        // setsid and setpriv both exec in place, so the pid we see is the real program's pid.
        if (spec.RunAsUser is { } user && Posix.IsRoot)
        {
            foreach (var a in (string[])["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--"])
            {
                psi.ArgumentList.Add(a);
            }
        }

        psi.ArgumentList.Add(spec.FileName);
        foreach (var arg in spec.Arguments)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in spec.Environment)
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        psi.Environment[OwnerDirVariable] = ownerDataDir;
        psi.Environment[OwnerPidVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var stdoutDone = new TaskCompletionSource();
        var stderrDone = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                stdoutDone.TrySetResult();
            }
            else
            {
                log.Add(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                stderrDone.TrySetResult();
            }
            else
            {
                log.Add(e.Data, isError: true);
            }
        };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = WaitAllAsync(process, stdoutDone.Task, stderrDone.Task);
        return new ChildProcess(process, exited);
    }

    /// <summary>Runs a short command (initdb, pg_ctl, rabbitmqctl...) to completion, logging its output.</summary>
    public static async Task<int> RunAsync(ProcessSpec spec, LogBuffer log, string ownerDataDir, TimeSpan timeout, CancellationToken ct)
    {
        using var child = Start(spec, log, ownerDataDir);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await child.Exited.WaitAsync(cts.Token);
            return child.ExitCode ?? -1;
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            log.Add($"[apphost] '{spec}' timed out after {timeout.TotalSeconds:0}s", isError: true);
            return -1;
        }
    }

    /// <summary>Asks politely (signal), then kills the whole process group after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace, int signal = Posix.SIGTERM)
    {
        if (HasExited)
        {
            return;
        }

        Posix.Signal(Pid, signal);
        if (await WaitAsync(grace))
        {
            return;
        }

        Kill();
        await WaitAsync(TimeSpan.FromSeconds(5));
    }

    public async Task<bool> WaitAsync(TimeSpan timeout)
    {
        try
        {
            await Exited.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Kill()
    {
        // The child leads its own process group (setsid): -pid reaches its helpers too (e.g. postgres backends, epmd).
        Posix.Signal(-Pid, Posix.SIGKILL);
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public void Dispose() => _process.Dispose();

    private static async Task WaitAllAsync(Process process, Task stdout, Task stderr)
    {
        await process.WaitForExitAsync();
        // Output can lag the exit slightly; do not wait forever for a grandchild holding the pipe.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2)));
    }
}
