using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.ServiceDefaults.Json;

/// <summary>Describes an <see cref="Optional{T}"/> field in OpenAPI as the T it carries (the generated web types then match).</summary>
public sealed class OptionalSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Optional<>))
        {
            return;
        }

        var inner = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, cancellationToken);
        // Sending null is how a client clears a field, so every optional field accepts null.
        schema.Type = inner.Type is { } innerType ? innerType | JsonSchemaType.Null : null;
        schema.Format = inner.Format;
        schema.Enum = inner.Enum;
        schema.Items = inner.Items;
        schema.Properties = inner.Properties;
        schema.AnyOf = inner.AnyOf;
        schema.OneOf = inner.OneOf;
    }
}
