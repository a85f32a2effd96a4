namespace Crm.AppHost.Resources;

/// <summary>What every resource needs to know about the topology it belongs to.</summary>
public sealed record ResourceContext(string DataDir, string RepoRoot, string EnvironmentName)
{
    public bool IsTesting => string.Equals(EnvironmentName, "Testing", StringComparison.OrdinalIgnoreCase);

    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
}
