using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.AppHost.Hosting;

/// <summary>
/// Where the running CRM of a data dir can be reached, in &lt;data&gt;/endpoints.json, for the tools run
/// beside it (<c>./crm events</c>): ports are picked free at each start, so they cannot be guessed.
/// Written at start, removed at a clean stop; a leftover from a killed run points at closed ports.
/// </summary>
public sealed record RunState(
    [property: JsonPropertyName("app_host_pid")] int AppHostPid,
    [property: JsonPropertyName("gateway")] string? Gateway,
    [property: JsonPropertyName("rabbitmq")] string RabbitMq,
    [property: JsonPropertyName("rabbitmq_management")] string RabbitMqManagement,
    [property: JsonPropertyName("services")] IReadOnlyDictionary<string, IReadOnlyList<string>> Services)
{
    public const string FileName = "endpoints.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathIn(string dataDir) => Path.Combine(dataDir, FileName);

    public void Write(string dataDir)
    {
        var path = PathIn(dataDir);
        // Whole file or nothing: a reader never sees half of it.
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The file at <paramref name="path"/>, or null when it is not a run state (half written by an older version, say).</summary>
    public static RunState? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunState>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The run of <paramref name="dataDir"/> while its AppHost lives, else null (none, or a leftover of a killed one).</summary>
    public static RunState? Alive(string dataDir)
    {
        return Read(PathIn(dataDir)) is { } run && IsAlive(run.AppHostPid) ? run : null;
    }

    /// <summary>Whether a process with this pid runs now.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static void Delete(string dataDir)
    {
        try
        {
            File.Delete(PathIn(dataDir));
        }
        catch (IOException)
        {
            // the next start overwrites it
        }
    }
}
