namespace Crm.AppHost.Hosting;

/// <summary>Finds the programs the infrastructure runs, or says what to install.</summary>
public static class Executables
{
    public static string Require(string name, string package, params string[] candidates)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name));
        return candidates.Concat(onPath).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} not found. Install it: apt-get install {package} (./crm run does).");
    }
}
