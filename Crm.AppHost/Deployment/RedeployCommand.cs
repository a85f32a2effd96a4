using System.Diagnostics;
using Crm.AppHost.Hosting;
using Microsoft.Extensions.Configuration;

namespace Crm.AppHost.Deployment;

/// <summary>
/// <c>./crm redeploy &lt;service&gt;</c> (docs/operations.md): builds that service alone into a release directory
/// of its own, then asks the running AppHost (<see cref="RollingRedeployer"/>) to replace its replicas one at a
/// time, and prints the AppHost's progress until the last replica is back.
/// </summary>
public static class RedeployCommand
{
    public const string Name = "redeploy";

    private static readonly TimeSpan RollTimeout = TimeSpan.FromMinutes(20);

    private static readonly IReadOnlyDictionary<string, IProjectMetadata> Projects = new Dictionary<string, IProjectMetadata>
    {
        ["identity"] = new global::Projects.Crm_Identity(),
        ["sales"] = new global::Projects.Crm_Sales(),
        ["billing"] = new global::Projects.Crm_Billing(),
        ["activities"] = new global::Projects.Crm_Activities(),
    };

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string appHostDirectory)
    {
        if (args.Length != 2 || !Projects.TryGetValue(args[1], out var project))
        {
            var gateway = args.Length == 2 && args[1] == "gateway"
                ? " The gateway is the single way in: it has no second replica to serve while it restarts; restart the CRM to update it."
                : "";
            Console.Error.WriteLine($"usage: ./crm redeploy <{string.Join("|", Projects.Keys)}>.{gateway}");
            return 2;
        }

        var service = args[1];
        var dataDir = CrmSettings.DataDirFrom(configuration, appHostDirectory);
        if (RunState.Alive(dataDir) is null)
        {
            Console.Error.WriteLine($"crm: the CRM of {dataDir} is not running: ./crm run builds and starts the current code.");
            return 1;
        }

        var releases = new ServiceReleases(dataDir);
        var releaseDir = releases.NewReleaseDirectory(service, DateTimeOffset.UtcNow);
        var started = Stopwatch.StartNew();
        Console.WriteLine($"crm: building {service} into {releaseDir}");
        if (!await BuildAsync(project.ProjectPath, releaseDir))
        {
            return 1;
        }

        Console.WriteLine($"crm: built in {started.Elapsed.TotalSeconds:F0} s; replacing the replicas of {service} one at a time");
        var request = new RedeployRequest(Guid.NewGuid().ToString("N")[..12], service, Path.Combine(releaseDir, Path.GetFileNameWithoutExtension(project.ProjectPath)));
        request.Write(dataDir);
        return await FollowAsync(dataDir, request, started);
    }

    /// <summary>
    /// The project and what it references, built into <paramref name="releaseDir"/> (OutDir): never into the
    /// bin directories the running replicas were started from.
    /// </summary>
    private static async Task<bool> BuildAsync(string projectPath, string releaseDir)
    {
        var configuration = typeof(RedeployCommand).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Release";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", projectPath, "-c", configuration, $"-p:OutDir={releaseDir}{Path.DirectorySeparatorChar}", "-nologo", "-v", "quiet", "-tl:off" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var build = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode == 0)
        {
            return true;
        }

        Console.Error.WriteLine(await output + await errors);
        Console.Error.WriteLine($"crm: the build of {projectPath} failed; nothing was replaced.");
        return false;
    }

    private static async Task<int> FollowAsync(string dataDir, RedeployRequest request, Stopwatch started)
    {
        var log = RedeployRequest.LogPath(dataDir, request.Id);
        var printed = 0;
        var until = DateTime.UtcNow + RollTimeout;
        while (DateTime.UtcNow < until)
        {
            var lines = File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];
            foreach (var line in lines.Skip(printed))
            {
                Console.WriteLine($"crm: {line}");
                var text = line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                if (text.StartsWith(RedeployRequest.Succeeded, StringComparison.Ordinal))
                {
                    Console.WriteLine($"crm: redeployed {request.Service} in {started.Elapsed.TotalSeconds:F0} s");
                    return 0;
                }

                if (text.StartsWith(RedeployRequest.Failed, StringComparison.Ordinal))
                {
                    return 1;
                }
            }

            printed = lines.Length;
            if (RunState.Alive(dataDir) is null)
            {
                Console.Error.WriteLine("crm: the CRM stopped during the redeploy; its next start runs the solution's build.");
                return 1;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Console.Error.WriteLine($"crm: no end of the redeploy after {RollTimeout.TotalMinutes:F0} minutes; see {log}.");
        return 1;
    }
}
