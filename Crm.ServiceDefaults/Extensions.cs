using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Health;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Redis;
using Crm.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service gets, in the spirit of Aspire's ServiceDefaults project.</summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddBasicServiceDefaults();
        builder.AddCrmProblemDetails();
        builder.AddCrmRequestLimits();
        builder.AddCrmJson();
        builder.AddDefaultAuthentication();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer<CrmSchemaTransformer>());
        builder.Services.AddHttpClient();
        return builder;
    }

    /// <summary>
    /// Logs, telemetry, Redis and health checks without the API conventions (JWT, problem details,
    /// OpenAPI): what the gateway, which authenticates nobody itself, needs.
    /// </summary>
    public static IHostApplicationBuilder AddBasicServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddJsonConsoleLogging();
        builder.AddOpenTelemetryExporters();
        builder.AddRedis();
        builder.AddDefaultHealthChecks();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseCrmProblemDetails();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestTextGuard>();
        app.UseIdempotencyKeys();
        app.MapHealthEndpoints();
        // Internal only (the gateway does not route it): the route-enumerating tests and the
        // web app's type generation read it.
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
