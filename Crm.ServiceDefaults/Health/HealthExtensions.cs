using System.Text.Json;
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
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>The name Aspire.StackExchange.Redis gives its check; ours is <c>redis</c>.</summary>
    private const string AspireRedisCheckName = "StackExchange.Redis";

    /// <summary>Below the gateway's probe timeout would be ideal; a busy machine needs a little more.</summary>
    private static readonly TimeSpan DependencyTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// One check per dependency, each with its own status: <c>database</c> and <c>redis</c> are Unhealthy when
    /// down (requests cannot be served: 503), <c>rabbitmq</c> only Degraded (events wait in the outbox: 200).
    /// </summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        // MassTransit, Aspire's Redis client and EF Core register their checks themselves; give them our
        // names, severity and a timeout here, once, so no service has to.
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                if (registration.Name == AspireRedisCheckName)
                {
                    registration.Name = "redis";
                    registration.FailureStatus = HealthStatus.Unhealthy;
                }

                if (registration.Tags.Contains("masstransit"))
                {
                    var bus = registration.Factory;
                    registration.Name = BrokerHealthCheck.Name;
                    registration.Factory = services => new BrokerHealthCheck(bus(services));
                    registration.FailureStatus = HealthStatus.Degraded;
                }

                if (registration.Timeout == Timeout.InfiniteTimeSpan && !registration.Tags.Contains(LiveTag))
                {
                    registration.Timeout = DependencyTimeout;
                }
            }
        });
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // /health: every dependency (database, broker, cache): 200 when Healthy or Degraded, 503 when Unhealthy;
        // /alive: only that the process serves.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteJson }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag), ResponseWriter = WriteJson })
            .AllowAnonymous();
        return app;
    }

    /// <summary>The probes of <see cref="MapHealthEndpoints"/>: polled every few seconds, so kept out of traces.</summary>
    public static bool IsProbe(PathString path) => path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);

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
