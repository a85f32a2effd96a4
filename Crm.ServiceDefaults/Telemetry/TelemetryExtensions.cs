using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Crm.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    // The instrumentation packages do not restore here, so we listen to the sources the
    // frameworks emit on their own.
    private static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql", "MassTransit", "Crm"];
    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime", "Npgsql", "MassTransit", "Crm",
    ];

    public static IHostApplicationBuilder AddJsonConsoleLogging(this IHostApplicationBuilder builder)
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

    public static IHostApplicationBuilder AddOpenTelemetryExporters(this IHostApplicationBuilder builder)
    {
        // Exporters only when an endpoint is configured: a plain `dotnet run` stays quiet.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ActivitySources)
            .AddOtlpExporter()
            .Build();
        var meterProvider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter()
            .Build();
        // Registered as singletons so the container disposes (and flushes) them at shutdown.
        builder.Services.AddSingleton(tracerProvider);
        builder.Services.AddSingleton(meterProvider);

        builder.Logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
            o.AddOtlpExporter();
        });
        return builder;
    }
}
