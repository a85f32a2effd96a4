namespace Crm.Gateway.Spa;

/// <summary>Where the built SPA lives: <c>Gateway:SpaRoot</c>, else <c>&lt;repo&gt;/web/dist</c>.</summary>
public static class SpaRootResolver
{
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        // The gateway runs from <repo>/gateway (dotnet run) or <repo>/gateway/bin/<cfg>/net10.0 (AppHost):
        // walk up to the folder holding Crm.sln.
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
                {
                    return Path.Combine(dir.FullName, "web", "dist");
                }
            }
        }

        return Path.GetFullPath(Path.Combine(contentRoot, "..", "web", "dist"));
    }
}
