namespace Crm.AppHost.Hosting;

internal static class DataDirectory
{
    /// <summary>Best effort: a throw-away (test) data dir.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a leftover temp folder is harmless
        }
    }
}
