using Crm.Gateway.Problems;
using Crm.Gateway.Proxy;

namespace Crm.Gateway.Sessions;

/// <summary>
/// Reads the login body before it is forwarded: the rate limiter counts attempts per e-mail and the session
/// needs "remember me". A login body is a few hundred bytes; more than 16 KB is refused.
/// </summary>
public sealed class LoginBodyMiddleware(RequestDelegate next)
{
    private const int MaxBodyBytes = 16 * 1024;

    public static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(GatewayPaths.Login, StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsLogin(context.Request))
        {
            await next(context);
            return;
        }

        if (await BufferedBody.ReadAsync(context, MaxBodyBytes, GatewayProblems.LoginBodyTooLarge()) is not { } body)
        {
            return;
        }

        context.Items[typeof(LoginRequest)] = LoginRequest.Parse(body);
        context.Request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }
}
