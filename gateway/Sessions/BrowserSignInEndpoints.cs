using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Gateway.Problems;
using StackExchange.Redis;

namespace Crm.Gateway.Sessions;

/// <summary>
/// The browser signs in through the gateway with the OAuth authorization code flow and PKCE (backend for frontend):
/// <c>/auth/signin</c> sends it to Identity's <c>/connect/authorize</c> (and its sign-in page), <c>/auth/callback</c>
/// takes the code back, redeems it as the confidential client and keeps the tokens in Redis; the browser only ever
/// holds the <c>crm_session</c> cookie.
/// </summary>
public static class BrowserSignInEndpoints
{
    /// <summary>Binds a flow to the browser that started it, so nobody can finish their sign-in in someone else's.</summary>
    public const string FlowCookie = "crm_flow";
    private const string KeyPrefix = "crm:signin:";
    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(10);

    private sealed record PendingSignIn(string Verifier, string ReturnUrl, string RedirectUri);

    public static IEndpointRouteBuilder MapBrowserSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(GatewayPaths.SignIn, SignInAsync);
        app.MapGet(GatewayPaths.SignInCallback, CallbackAsync);
        return app;
    }

    /// <summary>Only a path of this app: never another site (an open redirect).</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : "/";

    private static async Task<IResult> SignInAsync(HttpContext context, IConnectionMultiplexer redis, string? returnUrl)
    {
        var state = NewSecret();
        var verifier = NewSecret();
        var redirectUri = $"{context.Request.Scheme}://{context.Request.Host}{GatewayPaths.SignInCallback}";
        var pending = new PendingSignIn(verifier, SafeReturnUrl(returnUrl), redirectUri);
        await redis.GetDatabase().StringSetAsync(KeyPrefix + state, JsonSerializer.Serialize(pending), FlowLifetime);
        context.Response.Cookies.Append(FlowCookie, state, new CookieOptions
        {
            HttpOnly = true,
            // Lax: Identity's redirect back to the callback is a top-level navigation.
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = FlowLifetime,
            Path = GatewayPaths.SignInCallback,
        });
        context.Response.Headers.CacheControl = "no-store";
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = IdentityTokenClient.ClientId,
            ["response_type"] = "code",
            ["scope"] = "openid offline_access",
            ["redirect_uri"] = redirectUri,
            ["state"] = state,
            ["code_challenge"] = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });
        return Results.Redirect("/connect/authorize" + query);
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, IConnectionMultiplexer redis, IdentityTokenClient identity, SessionStore store, ILogger<IdentityTokenClient> logger,
        string? code, string? state, string? error)
    {
        var flow = context.Request.Cookies[FlowCookie];
        context.Response.Cookies.Delete(FlowCookie, new CookieOptions { Path = GatewayPaths.SignInCallback });
        if (string.IsNullOrEmpty(state) || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state), Encoding.ASCII.GetBytes(flow ?? "")))
        {
            return GatewayProblems.BadClientRequest(StatusCodes.Status400BadRequest, "This sign-in was not started in this browser. Sign in again.");
        }

        var stored = await redis.GetDatabase().StringGetDeleteAsync(KeyPrefix + state);
        if (stored.IsNullOrEmpty || JsonSerializer.Deserialize<PendingSignIn>((string)stored!) is not { } pending)
        {
            // Took longer than the flow may: start over, back to where the person was going.
            return Results.Redirect(GatewayPaths.SignIn);
        }

        if (error is not null || string.IsNullOrEmpty(code))
        {
            return GatewayProblems.BadClientRequest(StatusCodes.Status400BadRequest, $"Sign-in did not complete ({error ?? "no code"}).");
        }

        var outcome = await identity.CodeAsync(code, pending.Verifier, pending.RedirectUri, context);
        switch (outcome.Status)
        {
            case TokenStatus.Issued:
                break;
            case TokenStatus.Unavailable:
                return GatewayProblems.Unreachable("identity");
            default:
                return GatewayProblems.BadClientRequest(StatusCodes.Status400BadRequest, "The sign-in code was refused. Sign in again.");
        }

        var rememberMe = outcome.Body?["remember_me"] is JsonValue value && value.TryGetValue<bool>(out var remember) && remember;
        if (await BrowserSessionStart.StartAsync(context, store, outcome.Tokens!, rememberMe, logger) is { } failed)
        {
            return failed;
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(pending.ReturnUrl);
    }

    private static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
