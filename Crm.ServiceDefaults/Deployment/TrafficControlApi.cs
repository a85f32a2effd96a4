using System.Security.Cryptography;
using System.Text;
using Crm.Contracts.Deployment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.ServiceDefaults.Deployment;

/// <summary>
/// The AppHost's handle on a replica during a rolling redeploy (<see cref="ReplicaControl"/>). Internal (the
/// gateway routes only /api/v1) and answered only to the bearer of <c>Crm:ControlKey</c>, a key the AppHost
/// generates for each run; without one configured, to nobody.
/// </summary>
public static class TrafficControlApi
{
    public const string KeySetting = "Crm:ControlKey";

    public static IEndpointRouteBuilder MapTrafficControlApi(this IEndpointRouteBuilder app)
    {
        var key = app.ServiceProvider.GetRequiredService<IConfiguration>()[KeySetting];
        var api = app.MapGroup(string.Empty)
            .AllowAnonymous()
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                HoldsKey(context.HttpContext.Request, key) ? await next(context) : TypedResults.Unauthorized());

        api.MapPost(ReplicaControl.DrainPath, Drain);
        api.MapGet(ReplicaControl.TrafficPath, Traffic);
        return app;
    }

    public static Ok<ReplicaTraffic> Drain(TrafficDrain drain)
    {
        drain.Start();
        return TypedResults.Ok(drain.State());
    }

    public static Ok<ReplicaTraffic> Traffic(TrafficDrain drain) => TypedResults.Ok(drain.State());

    private static bool HoldsKey(HttpRequest request, string? key) =>
        !string.IsNullOrEmpty(key)
        && request.Headers[ReplicaControl.KeyHeader].ToString() is { Length: > 0 } presented
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key));
}
