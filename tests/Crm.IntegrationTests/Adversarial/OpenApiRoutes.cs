using System.Text.Json.Nodes;

namespace Crm.IntegrationTests.Adversarial;

/// <summary>What a parameter or body field holds, as far as an attacker needs to know: it picks the values to try.</summary>
public enum FieldKind
{
    String,
    Integer,
    Number,
    Boolean,
    Uuid,
    Date,
    DateTime,
    Enum,
    Other,
}

public sealed record FieldSpec(string Name, FieldKind Kind, IReadOnlyList<string> EnumValues, bool Required);

public sealed record RouteSpec(
    string Service,
    string Method,
    string Template,
    IReadOnlyList<FieldSpec> PathParameters,
    IReadOnlyList<FieldSpec> QueryParameters,
    string? BodySchema,
    IReadOnlyList<FieldSpec> BodyFields)
{
    public bool HasBody => BodySchema is not null;

    public bool IsPublic => Template.StartsWith("/api/v1/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>Reads every route, parameter and JSON body field a service's OpenAPI document declares.</summary>
public static class OpenApiRoutes
{
    public static IReadOnlyList<RouteSpec> Read(string service, JsonNode document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject();
        var routes = new List<RouteSpec>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                FieldSpec Parameter(JsonNode p) => Field(p.Str("name"), p["schema"], schemas, p["required"]?.GetValue<bool>() ?? false);

                string? bodySchema = null;
                var bodyFields = new List<FieldSpec>();
                if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } body)
                {
                    var resolved = Resolve(body, schemas, out var name);
                    bodySchema = name ?? "inline";
                    var required = resolved["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
                    foreach (var (field, schema) in resolved["properties"]?.AsObject() ?? [])
                    {
                        bodyFields.Add(Field(field, schema, schemas, required.Contains(field)));
                    }
                }

                routes.Add(new RouteSpec(
                    service,
                    method.ToUpperInvariant(),
                    template,
                    parameters.Where(p => p.Str("in") == "path").Select(Parameter).ToList(),
                    parameters.Where(p => p.Str("in") == "query").Select(Parameter).ToList(),
                    bodySchema,
                    bodyFields));
            }
        }

        return routes;
    }

    private static FieldSpec Field(string name, JsonNode? schema, JsonObject? schemas, bool required)
    {
        var (kind, values) = Classify(schema, schemas);
        return new FieldSpec(name, kind, values, required);
    }

    private static (FieldKind Kind, IReadOnlyList<string> EnumValues) Classify(JsonNode? schema, JsonObject? schemas)
    {
        if (schema is null)
        {
            return (FieldKind.Other, []);
        }

        schema = Resolve(schema, schemas, out _);
        if (schema["oneOf"] is JsonArray oneOf)
        {
            var member = oneOf.Select(m => Resolve(m!, schemas, out _)).FirstOrDefault(m => m["type"]?.ToString() != "null");
            return Classify(member, schemas);
        }

        if (schema["enum"] is JsonArray values)
        {
            return (FieldKind.Enum, values.Where(v => v is not null).Select(v => v!.GetValue<string>()).ToList());
        }

        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal),
            JsonValue one => [one.GetValue<string>()],
            _ => new HashSet<string>(StringComparer.Ordinal),
        };
        var format = schema["format"]?.GetValue<string>();
        return (types, format) switch
        {
            _ when types.Contains("integer") => (FieldKind.Integer, []),
            _ when types.Contains("number") => (FieldKind.Number, []),
            _ when types.Contains("boolean") => (FieldKind.Boolean, []),
            _ when types.Contains("string") && format == "uuid" => (FieldKind.Uuid, []),
            _ when types.Contains("string") && format == "date" => (FieldKind.Date, []),
            _ when types.Contains("string") && format == "date-time" => (FieldKind.DateTime, []),
            _ when types.Contains("string") => (FieldKind.String, []),
            _ => (FieldKind.Other, []),
        };
    }

    private static JsonNode Resolve(JsonNode schema, JsonObject? schemas, out string? name)
    {
        name = null;
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            name = reference[(reference.LastIndexOf('/') + 1)..];
            schema = schemas?[name] ?? throw new InvalidOperationException($"Unresolved schema reference {reference}.");
        }

        return schema;
    }
}
