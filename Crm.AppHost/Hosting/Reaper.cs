using System.Diagnostics;
using System.Globalization;

namespace Crm.AppHost.Hosting;

/// <summary>
/// A detached watcher (<c>dotnet Crm.AppHost.dll --reap &lt;pid&gt; &lt;data dir&gt;</c>) that stops the children
/// of an AppHost killed without a chance to clean up (SIGKILL, a test host torn down by its runner).
/// </summary>
public static class Reaper
{
    public const string Flag = "--reap";

    /// <summary>Starts the watcher for this process; null when the AppHost assembly cannot be run on its own.</summary>
    public static Process? Start(string dataDir, bool deleteDataDir)
    {
        var dll = typeof(Reaper).Assembly.Location;
        if (string.IsNullOrEmpty(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            return null;
        }

        var psi = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            // Never inherit our stdout: a test runner waits for that pipe to close.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["dotnet", dll, Flag, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), dataDir, deleteDataDir ? "delete" : "keep"])
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment.Remove(ChildProcess.OwnerDirVariable);
        psi.Environment.Remove(ChildProcess.OwnerPidVariable);
        var process = Process.Start(psi);
        process?.StandardInput.Close();
        return process;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count != 4 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var ownerPid))
        {
            return 2;
        }

        while (Posix.IsAlive(ownerPid))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await StaleProcesses.KillAsync(StaleProcesses.FindOwnedBy(args[2], ownerPid), TimeSpan.FromSeconds(20));
        if (args[3] == "delete")
        {
            DataDirectory.TryDelete(args[2]);
        }

        return 0;
    }
}
