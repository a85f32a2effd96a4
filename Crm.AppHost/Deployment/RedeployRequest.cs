using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.AppHost.Deployment;

/// <summary>
/// <c>./crm redeploy</c> asks the running AppHost through its data dir (owner-only, like everything there):
/// it writes <c>&lt;data&gt;/redeploy/&lt;id&gt;.request</c>, the AppHost appends its progress to
/// <c>&lt;id&gt;.log</c>, ending with a line that starts <see cref="Succeeded"/> or <see cref="Failed"/>.
/// </summary>
public sealed record RedeployRequest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("program")] string Program)
{
    public const string Succeeded = "done:";
    public const string Failed = "failed:";

    public static string Directory(string dataDir) => Path.Combine(dataDir, "redeploy");

    public static string LogPath(string dataDir, string id) => Path.Combine(Directory(dataDir), id + ".log");

    public void Write(string dataDir)
    {
        var dir = Directory(dataDir);
        System.IO.Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Id + ".request");
        // Whole file or nothing: the AppHost never reads half a request.
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>The requests waiting, oldest first; each is taken (deleted) as it is read.</summary>
    public static IEnumerable<RedeployRequest?> Take(string dataDir)
    {
        var dir = Directory(dataDir);
        if (!System.IO.Directory.Exists(dir))
        {
            yield break;
        }

        foreach (var path in new DirectoryInfo(dir).GetFiles("*.request").OrderBy(f => f.LastWriteTimeUtc).Select(f => f.FullName))
        {
            RedeployRequest? request;
            try
            {
                request = JsonSerializer.Deserialize<RedeployRequest>(File.ReadAllText(path));
            }
            catch (JsonException)
            {
                request = null;
            }

            File.Delete(path);
            yield return request;
        }
    }
}
