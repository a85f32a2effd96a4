using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Events;

/// <summary>
/// Where the CRM that <c>./crm run</c> started for a data dir listens: &lt;data&gt;/endpoints.json, which
/// the AppHost writes at every start (Crm.AppHost/Hosting/RunState.cs).
/// </summary>
public sealed record CrmRun(
    [property: JsonPropertyName("gateway")] string? Gateway,
    [property: JsonPropertyName("rabbitmq")] string RabbitMq,
    [property: JsonPropertyName("rabbitmq_management")] string RabbitMqManagement,
    [property: JsonPropertyName("services")] IReadOnlyDictionary<string, IReadOnlyList<string>> Services)
{
    public const string FileName = "endpoints.json";

    public static CrmRun Load(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        if (!File.Exists(path))
        {
            throw new EventsException($"no {path}: is the CRM of this data dir running (./crm run, same CRM_DATA_DIR)?");
        }

        return JsonSerializer.Deserialize<CrmRun>(File.ReadAllText(path))
            ?? throw new EventsException($"{path} is empty");
    }
}

/// <summary>A failure to report in one line, without a stack trace.</summary>
public sealed class EventsException(string message, Exception? inner = null) : Exception(message, inner);
