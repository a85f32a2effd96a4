using System.Reflection;

namespace Crm.AppHost.Hosting;

/// <summary>Where the repository and the built projects are.</summary>
public static class RepoLayout
{
    /// <summary>Walks up from <paramref name="start"/> (default: this assembly's folder) to the folder holding Crm.sln.</summary>
    public static string FindRoot(string? start = null)
    {
        var fromEnv = Environment.GetEnvironmentVariable("CRM_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "Crm.sln")))
        {
            return Path.GetFullPath(fromEnv);
        }

        foreach (var origin in new[] { start ?? AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Crm.sln not found above {start ?? AppContext.BaseDirectory}; set CRM_REPO_ROOT.");
    }

    /// <summary>The AppHost's own build configuration (Debug/Release): services are run from the same one.</summary>
    public static string BuildConfiguration =>
        typeof(RepoLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c
            ? c
            : "Release";

    public static string ServiceDll(string repoRoot, string projectFolder, string assemblyName, string? configuration = null) =>
        Path.Combine(repoRoot, projectFolder, "bin", configuration ?? BuildConfiguration, "net10.0", assemblyName + ".dll");
}
