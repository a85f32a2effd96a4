namespace Crm.AppHost.Dashboard;

/// <summary>The single dashboard page, embedded so the AppHost needs no wwwroot next to it.</summary>
internal static class Page
{
    public static readonly string Html = Load();

    private static string Load()
    {
        using var stream = typeof(Page).Assembly.GetManifestResourceStream("Crm.AppHost.Dashboard.index.html")
            ?? throw new InvalidOperationException("Embedded dashboard page missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
