using System.Text.Json;
using Crm.ServiceDefaults.Redis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Health;

public static class HealthExtensions
{
    public const string LiveTag = "live";

    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisExtensions.ConnectionName)))
        {
            checks.AddCheck<RedisHealthCheck>("redis", timeout: TimeSpan.FromSeconds(3));
        }

        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // /health: every dependency (database, broker, cache); /alive: only that the process serves.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJson }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag), ResponseWriter = WriteJson })
            .AllowAnonymous();
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.Message }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
