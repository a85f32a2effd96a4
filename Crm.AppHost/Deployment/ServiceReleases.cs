namespace Crm.AppHost.Deployment;

/// <summary>
/// Which build each service runs: <c>&lt;data&gt;/releases/&lt;service&gt;/Crm.Sales</c>, a symbolic link to a built
/// program. A start points it at the solution's build (what <c>./crm run</c> just built); <c>./crm redeploy</c>
/// builds into a release directory of its own and repoints the link, so a replica restarted afterwards runs the
/// new build while the others keep theirs. The .NET host resolves the link to the real directory, and a build
/// never writes over the files of a running replica.
/// </summary>
public sealed class ServiceReleases(string dataDir)
{
    /// <summary>Release directories kept per service besides the current one: a rollback is a redeploy of one.</summary>
    public const int Kept = 3;

    public string Root { get; } = Path.Combine(dataDir, "releases");

    public string Directory(string service) => Path.Combine(Root, service);

    /// <summary>The link a service's replicas are started from.</summary>
    public string Program(string service, string programName) => Path.Combine(Directory(service), programName);

    /// <summary>The build the link points at now.</summary>
    public string? Current(string service, string programName) =>
        new FileInfo(Program(service, programName)).LinkTarget;

    /// <summary>Points the service's link at <paramref name="program"/> in one step (a rename over the old link).</summary>
    public string Activate(string service, string program)
    {
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"{program} is missing: the build did not produce it.");
        }

        var link = Program(service, Path.GetFileName(program));
        System.IO.Directory.CreateDirectory(Directory(service));
        var temp = link + ".next";
        File.Delete(temp);
        File.CreateSymbolicLink(temp, program);
        // A link to a file: File.Move renames it (rename(2)), so a starting replica sees the old or the new one.
        File.Move(temp, link, overwrite: true);
        return link;
    }

    /// <summary>A new directory for a build of <paramref name="service"/>: named by the moment (so names sort by age), and unique.</summary>
    public string NewReleaseDirectory(string service, DateTimeOffset now) =>
        Path.Combine(Directory(service), now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)));

    /// <summary>Deletes release directories older than the <see cref="Kept"/> newest, never the one in use.</summary>
    public void Prune(string service, string programName)
    {
        var current = Current(service, programName);
        var releases = new DirectoryInfo(Directory(service)).EnumerateDirectories()
            .OrderByDescending(d => d.Name, StringComparer.Ordinal)
            .Skip(Kept);
        foreach (var release in releases)
        {
            if (current is null || !current.StartsWith(release.FullName + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                release.Delete(recursive: true);
            }
        }
    }
}
