using Crm.Gateway.Configuration;
using Crm.Gateway.Spa;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Extensions;

public static class SpaExtensions
{
    public static string SpaRoot(this WebApplication app) =>
        SpaRootResolver.Resolve(app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.SpaRoot, app.Environment.ContentRootPath);

    /// <summary>The SPA's files, with cache headers by fingerprint; never for <c>/api</c> paths.</summary>
    public static WebApplication UseSpaStaticFiles(this WebApplication app, string spaRoot)
    {
        if (!Directory.Exists(spaRoot))
        {
            app.Logger.LogWarning("SPA folder {SpaRoot} does not exist (yet); pages answer that the web app isn't built", spaRoot);
        }

        var options = new StaticFileOptions
        {
            FileProvider = new SpaFileProvider(spaRoot),
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = SpaCachePolicy.For(ctx.Context.Request.Path),
        };
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), branch => branch.UseStaticFiles(options));
        return app;
    }

    /// <summary>index.html for GET/HEAD of any non-file path nothing else claimed (the SPA's client-side routes).</summary>
    public static IEndpointRouteBuilder MapSpaFallback(this IEndpointRouteBuilder endpoints, string spaRoot)
    {
        endpoints.MapFallback(context => SpaFallback.HandleAsync(context, spaRoot))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return endpoints;
    }
}
