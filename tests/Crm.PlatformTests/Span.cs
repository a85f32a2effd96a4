using System.Text.Json;

namespace Crm.PlatformTests;

/// <summary>One span as the dashboard's telemetry API returns it (OTLP JSON), with the service that sent it.</summary>
public sealed record Span(
    string Service, string Scope, string TraceId, string SpanId, string? ParentSpanId, string Name, SpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    public override string ToString() => $"{Service} [{Scope}] {Kind} '{Name}' {SpanId} <- {ParentSpanId}";

    /// <summary>The spans of <c>{"data": {"resourceSpans": [...]}}</c>.</summary>
    public static IReadOnlyList<Span> Parse(JsonElement response)
    {
        var spans = new List<Span>();
        if (!response.TryGetProperty("data", out var data) || !data.TryGetProperty("resourceSpans", out var resourceSpans))
        {
            return spans;
        }

        foreach (var resource in resourceSpans.EnumerateArray())
        {
            var service = ReadAttributes(resource.GetProperty("resource")).GetValueOrDefault("service.name") ?? "";
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            {
                var scopeName = scope.GetProperty("scope").GetProperty("name").GetString() ?? "";
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    spans.Add(new Span(
                        service,
                        scopeName,
                        span.GetProperty("traceId").GetString()!,
                        span.GetProperty("spanId").GetString()!,
                        span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null,
                        span.GetProperty("name").GetString()!,
                        span.TryGetProperty("kind", out var kind) ? (SpanKind)kind.GetInt32() : SpanKind.Unspecified,
                        ReadAttributes(span)));
                }
            }
        }

        return spans;
    }

    private static Dictionary<string, string> ReadAttributes(JsonElement owner)
    {
        var attributes = new Dictionary<string, string>();
        if (owner.TryGetProperty("attributes", out var list))
        {
            foreach (var attribute in list.EnumerateArray())
            {
                // {"key": "...", "value": {"stringValue": "..."}} (or intValue, boolValue...)
                var value = attribute.GetProperty("value").EnumerateObject().FirstOrDefault().Value;
                attributes[attribute.GetProperty("key").GetString()!] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            }
        }

        return attributes;
    }
}

/// <summary>OTLP's span kinds.</summary>
public enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
