using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Deployment;
using Crm.ServiceDefaults.Health;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service gets: Aspire's ServiceDefaults project, plus the CRM's API conventions.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The cache of token revocations and browser sessions (<c>ConnectionStrings__redis</c>).</summary>
    public const string RedisConnectionName = "redis";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();
        builder.AddCrmProblemDetails();
        builder.AddCrmRequestLimits();
        builder.AddCrmJson();
        builder.AddDefaultAuthentication();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer<CrmSchemaTransformer>());
        builder.Services.AddSingleton<TrafficDrain>();
        return builder;
    }

    /// <summary>
    /// Logs, telemetry, Redis, service discovery, resilient HttpClients and health checks without the API
    /// conventions (JWT, problem details, OpenAPI): what the gateway, which authenticates nobody itself, needs.
    /// </summary>
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddJsonConsoleLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddRedisClient(RedisConnectionName, configureOptions: options =>
        {
            // Fail fast while Redis is down: the revocation check then fails closed at once
            // instead of holding every request for the default 5 s.
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            options.AsyncTimeout = 2000;
        });

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Retried only when safe: a POST (a session refresh spends its refresh token, a reconcile
            // rewrites directories) could be applied twice.
            http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("MassTransit"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !HealthExtensions.IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request =>
                    request.RequestUri is null || !HealthExtensions.IsProbe(new PathString(request.RequestUri.AbsolutePath)))
                .AddNpgsql()
                .AddSource("MassTransit")
                .AddSource(OutboxDispatcherTelemetry.ActivitySourceName));

        // Exporters only when an endpoint is configured: a plain `dotnet run` stays quiet. UseOtlpExporter
        // reads OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_PROTOCOL (grpc or http/protobuf).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>One JSON object per line on stdout, UTC timestamps; quiet framework categories.</summary>
    public static TBuilder AddJsonConsoleLogging<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.IncludeScopes = false;
        });
        // Defaults that hold wherever the process runs from (appsettings can still override them).
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("MassTransit", LogLevel.Warning);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // First, so a drained replica refuses the gateway's probe and its requests in flight are all counted.
        app.UseMiddleware<TrafficDrainMiddleware>();
        app.UseCrmProblemDetails();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestTextGuard>();
        app.UseIdempotencyKeys();
        app.MapHealthEndpoints();
        app.MapTrafficControlApi();
        // Internal only (the gateway does not route it): the route-enumerating tests and the
        // web app's type generation read it.
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
