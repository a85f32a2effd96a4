using Crm.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace Crm.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>The idempotency_keys table in the service's database and its hourly cleanup (called by AddServiceDatabase).</summary>
    public static IHostApplicationBuilder AddIdempotencyKeys<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddScoped(sp => new ServiceDatabase(sp.GetRequiredService<TContext>()));
        builder.Services.AddSingleton(new MigrationSource(9, () => DatabaseExtensions.PlatformScripts("0009_idempotency_keys")));
        builder.Services.AddHostedService<IdempotencyKeyCleanup<TContext>>();
        return builder;
    }

    /// <summary>
    /// Honours <c>Idempotency-Key</c> on this route (every POST that creates or acts): the key, the work and
    /// the answer commit in one transaction. Declared in the OpenAPI document as an optional header.
    /// </summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(IdempotentEndpoint.Instance);
        builder.AddEndpointFilter<TBuilder, IdempotencyFilter>();
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKey.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes a retry safe: the same key with the same request within 24 hours gets the first answer again (header Idempotent-Replayed: true) without repeating the work; with a different request, 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength },
            });
            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>Buffers the body of keyed requests to idempotent routes, so the filter can fingerprint what the endpoint read.</summary>
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is not null && IdempotencyKey.IsPresent(context.Request))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });
        return app;
    }
}
