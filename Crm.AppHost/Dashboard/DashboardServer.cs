using Crm.AppHost.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crm.AppHost.Dashboard;

/// <summary>
/// The developer dashboard (a page plus a small JSON API) and the OTLP/HTTP receiver every service
/// exports to, on one Kestrel port like the Aspire dashboard. Reading is open on loopback; starting and
/// stopping resources needs the dashboard token (<see cref="DashboardAccess"/>).
/// </summary>
public sealed class DashboardServer(CrmTopology topology, int port) : IAsyncDisposable
{
    private readonly DashboardAccess _access = new(topology.DashboardToken, port);
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        builder.Logging.ClearProviders();
        var app = builder.Build();

        app.Use(async (context, next) =>
        {
            if (!DashboardAccess.IsLoopbackHost(context.Request.Host))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });
        app.MapGet("/", () => Results.Content(Page.Html, "text/html; charset=utf-8"));
        // The link ./crm run prints: keeps the token in an httpOnly, SameSite=Strict cookie for the page's buttons.
        app.MapGet("/login", (HttpContext context, string? t) =>
        {
            if (!_access.IsToken(t))
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Wrong or missing dashboard token.");
            }

            context.Response.Cookies.Append(_access.CookieName, t!, _access.CookieOptions());
            return Results.Redirect("/");
        });
        app.MapGet("/api/resources", () => Results.Json(topology.Snapshot(), DashboardJson.Options));
        app.MapGet("/api/resources/{name}/logs", (string name, long? after) =>
            FindResource(name) is { } r
                ? Results.Json(r.Logs.After(after ?? 0), DashboardJson.Options)
                : Results.NotFound());
        app.MapPost("/api/resources/{name}/{action}", (string name, string action) =>
        {
            if (FindResource(name) is null || action is not ("start" or "stop" or "restart"))
            {
                return Results.NotFound();
            }

            // Fire and forget: the page follows the state change by polling.
            _ = Task.Run(async () =>
            {
                if (action is "stop" or "restart")
                {
                    await topology.StopResourceAsync(name);
                }

                if (action is "start" or "restart")
                {
                    await topology.StartResourceAsync(name);
                }
            });
            return Results.Accepted();
        }).AddEndpointFilter(async (context, next) => _access.CheckChange(context.HttpContext.Request) ?? await next(context));
        app.MapGet("/api/telemetry", () => Results.Json(
            new { traces = topology.Telemetry.TraceExports, metrics = topology.Telemetry.MetricExports, logs = topology.Telemetry.LogExports, bytes = topology.Telemetry.Bytes },
            DashboardJson.Options));
        app.MapGet("/api/info", () => Results.Json(
            new { gatewayUrl = topology.Gateway is null ? null : topology.GatewayUrl, dataDir = topology.DataDir, environment = topology.Options.EnvironmentName },
            DashboardJson.Options));

        // OTLP/HTTP (http/protobuf). An empty body is a valid empty Export*ServiceResponse.
        foreach (var signal in (string[])["traces", "metrics", "logs"])
        {
            app.MapPost("/v1/" + signal, (HttpRequest request) => ReceiveOtlpAsync(signal, request));
        }

        await app.StartAsync(ct);
        _app = app;
    }

    private async Task<IResult> ReceiveOtlpAsync(string signal, HttpRequest request)
    {
        var length = 0L;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            length += read;
        }

        topology.Telemetry.Record(signal, length);
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(TimeSpan.FromSeconds(5));
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private Resource? FindResource(string name) =>
        topology.Resources.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
