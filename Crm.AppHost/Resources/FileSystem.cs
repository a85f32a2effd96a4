using Crm.AppHost.Hosting;

namespace Crm.AppHost.Resources;

internal static class FileSystem
{
    /// <summary>Hands a folder to the service user when we run as root (postgres, rabbitmq drop privileges).</summary>
    public static async Task ChownAsync(string path, string user, LogBuffer log, string dataDir, CancellationToken ct)
    {
        if (!Posix.IsRoot)
        {
            return;
        }

        var code = await ChildProcess.RunAsync(
            new ProcessSpec("chown", ["-R", $"{user}:{user}", path]), log, dataDir, TimeSpan.FromSeconds(30), ct);
        if (code != 0)
        {
            throw new InvalidOperationException($"chown {user} {path} failed ({code}).");
        }
    }

    /// <summary>The first existing file among the candidates, else the bare name (resolved via PATH).</summary>
    public static string FindExecutable(string name, params string[] folders)
    {
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return name;
    }
}
