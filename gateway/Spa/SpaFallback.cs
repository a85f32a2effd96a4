namespace Crm.Gateway.Spa;

/// <summary>Client-side routes (<c>/accounts/42</c>) get index.html; the SPA's router takes it from there.</summary>
public static class SpaFallback
{
    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>CRM</title></head>
        <body><h1>The web app isn't built</h1>
        <p>Build it with <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>, then reload. The API under <code>/api/v1</code> works regardless.</p>
        </body></html>
        """;

    public static async Task HandleAsync(HttpContext context, string spaRoot)
    {
        var index = Path.Combine(spaRoot, "index.html");
        context.Response.Headers.CacheControl = SpaCachePolicy.Revalidate;
        if (!File.Exists(index))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(NotBuiltPage, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.SendFileAsync(index, context.RequestAborted);
    }
}
