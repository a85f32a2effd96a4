using Crm.Gateway.Problems;
using Crm.Gateway.Proxy;

namespace Crm.Gateway.Sessions;

/// <summary>
/// Reads the body of a login (the API's or the sign-in page's) or a "Forgot password?" before it is forwarded: the rate limiter counts them per e-mail,
/// and the session needs "remember me". Such a body is a few hundred bytes; more than 16 KB is refused.
/// </summary>
public sealed class LoginBodyMiddleware(RequestDelegate next)
{
    private const int MaxBodyBytes = 16 * 1024;

    /// <summary>The API's login, and the sign-in page's password and code steps.</summary>
    public static bool IsLogin(HttpRequest request) =>
        IsPost(request, GatewayPaths.Login) || IsPost(request, GatewayPaths.SignInPage) || IsPost(request, GatewayPaths.SignInPageCode);

    public static bool IsForgotPassword(HttpRequest request) => IsPost(request, GatewayPaths.ForgotPassword);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsLogin(context.Request) && !IsForgotPassword(context.Request))
        {
            await next(context);
            return;
        }

        if (await BufferedBody.ReadAsync(context, MaxBodyBytes, GatewayProblems.LoginBodyTooLarge()) is not { } body)
        {
            return;
        }

        context.Items[typeof(LoginRequest)] = context.Request.HasFormContentType ? LoginRequest.ParseForm(body) : LoginRequest.Parse(body);
        context.Request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    private static bool IsPost(HttpRequest request, string path) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(path, StringComparison.OrdinalIgnoreCase);
}
