using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.ServiceDefaults.Json;

/// <summary>
/// Makes the OpenAPI documents say what the wire really carries, so the web app's generated types are
/// exact: <see cref="Optional{T}"/> fields as the T they carry, date-times and dates as strings, enums as
/// their display strings, and whole numbers as integers (the server also accepts them quoted, but always writes numbers).
/// </summary>
public sealed class CrmSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            var inner = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, cancellationToken);
            // Sending null is how a client clears a field, so every optional field accepts null.
            schema.Type = inner.Type is { } innerType ? innerType | JsonSchemaType.Null : null;
            schema.Format = inner.Format;
            schema.Pattern = inner.Pattern;
            schema.Enum = inner.Enum;
            schema.Items = inner.Items;
            schema.Properties = inner.Properties;
            schema.AnyOf = inner.AnyOf;
            schema.OneOf = inner.OneOf;
        }
        else if (underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset))
        {
            schema.Type = underlying == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        else if (underlying == typeof(DateOnly))
        {
            schema.Type = underlying == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date";
        }
        else if (underlying.IsEnum)
        {
            // Our enum converter is opaque to the schema generator: list the display strings it takes.
            List<JsonNode?> values = [.. EnumNames.All(underlying).Select(name => (JsonNode?)JsonValue.Create(name))];
            if (underlying != type)
            {
                values.Add(null);
            }

            schema.Enum = values!;
        }
        else if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Integer) && t.HasFlag(JsonSchemaType.String))
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }
}
