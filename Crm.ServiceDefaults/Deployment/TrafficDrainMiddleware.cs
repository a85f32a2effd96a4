using Crm.Contracts.Deployment;
using Crm.ServiceDefaults.Health;
using Microsoft.AspNetCore.Http;

namespace Crm.ServiceDefaults.Deployment;

/// <summary>
/// First in the pipeline: refuses <c>/alive</c> while the replica drains and counts the requests in flight
/// (probes and the control calls aside), so the AppHost stops a replica only once nothing is left on it.
/// </summary>
public sealed class TrafficDrainMiddleware(RequestDelegate next, TrafficDrain drain)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(HealthExtensions.AlivePath))
        {
            if (!drain.AnswerAliveProbe())
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"status":"Draining"}""");
                return;
            }

            await next(context);
            return;
        }

        if (path.StartsWithSegments(HealthExtensions.HealthPath) || path.StartsWithSegments(ReplicaControl.Prefix))
        {
            await next(context);
            return;
        }

        drain.RequestStarted();
        try
        {
            await next(context);
        }
        finally
        {
            drain.RequestEnded();
        }
    }
}
