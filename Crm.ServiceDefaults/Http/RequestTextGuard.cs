using Crm.ServiceDefaults.Json;
using Microsoft.AspNetCore.Http;

namespace Crm.ServiceDefaults.Http;

/// <summary>
/// Refuses, once for every endpoint, text that cannot be stored: a NUL character in a query value, a
/// route value or any JSON string, and unpaired surrogates or invalid UTF-8 in JSON strings
/// (<see cref="JsonTextScanner"/>). PostgreSQL rejects such text only at the INSERT, as a 500, or a search
/// fails the same way; here it is a 400 naming each field. Runs after authorization, so a caller
/// without a token still gets 401, and only for requests that reached an endpoint.
/// </summary>
public sealed class RequestTextGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        var errors = new ValidationErrors();
        foreach (var (key, values) in context.Request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                errors.Add(key.Replace("\0", "", StringComparison.Ordinal), JsonTextScanner.NulMessage);
            }
        }

        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && text.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(key, JsonTextScanner.NulMessage);
            }
        }

        if (context.Request.HasJsonContentType() && context.Request.ContentLength is not 0)
        {
            // Read once (within the body size limit, which throws 413 past it) and handed on as a
            // buffer, so the endpoint binds the same bytes.
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            body.Position = 0;
            context.Request.Body = body;
            context.Response.RegisterForDispose(body);
            foreach (var (field, message) in JsonTextScanner.FindUnstorableText(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                errors.Add(field, message);
            }
        }

        if (errors.HasErrors)
        {
            await errors.ToProblem().ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
