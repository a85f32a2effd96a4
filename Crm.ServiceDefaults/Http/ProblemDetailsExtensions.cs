using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Http;

public static class ProblemDetailsExtensions
{
    public static IHostApplicationBuilder AddCrmProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<CrmExceptionHandler>();
        // Malformed bodies and parameters throw, so CrmExceptionHandler can answer with a
        // problem naming the field instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseCrmProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
