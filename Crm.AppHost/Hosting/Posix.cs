using System.Runtime.InteropServices;

namespace Crm.AppHost.Hosting;

/// <summary>The few POSIX calls .NET does not expose: signals other than SIGKILL.</summary>
public static partial class Posix
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Sends <paramref name="signal"/>; a negative pid addresses the whole process group.</summary>
    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    public static bool IsAlive(int pid) => pid > 0 && (Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM */);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
