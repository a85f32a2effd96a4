using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Gateway.Problems;
using StackExchange.Redis;
using Yarp.ReverseProxy.Transforms;

namespace Crm.Gateway.Sessions;

/// <summary>
/// Identity's answer to <c>POST /api/v1/auth/login</c> becomes a browser session: the refresh token stays in Redis,
/// the browser gets the <c>crm_session</c> cookie and the rest of the body. Any other answer passes unchanged.
/// The same for <c>POST /api/v1/auth/mfa/enable</c> when it answers tokens (a session limited to two-factor enrolment
/// upgraded to a full one): the browser's session is replaced; an answer without tokens passes unchanged.
/// </summary>
public sealed class LoginResponseTransform(SessionStore store, ILogger<LoginResponseTransform> logger)
{
    public ValueTask ApplyAsync(ResponseTransformContext transform) => ApplyAsync(transform, tokensOptional: false);

    public ValueTask ApplyToSessionUpgradeAsync(ResponseTransformContext transform) => ApplyAsync(transform, tokensOptional: true);

    private async ValueTask ApplyAsync(ResponseTransformContext transform, bool tokensOptional)
    {
        var context = transform.HttpContext;
        if (transform.ProxyResponse is not { StatusCode: HttpStatusCode.OK } response || !IsJson(response.Content.Headers.ContentType))
        {
            return;
        }

        // The answer is rewritten here; YARP must not copy Identity's body after it.
        transform.SuppressResponseBody = true;
        var answer = await response.Content.ReadAsByteArrayAsync(transform.CancellationToken);
        if (!TryReadTokens(answer, out var json, out var tokens))
        {
            if (tokensOptional)
            {
                // Nothing to take over: the answer goes out as Identity wrote it.
                context.Response.ContentLength = answer.Length;
                await context.Response.Body.WriteAsync(answer, transform.CancellationToken);
                return;
            }

            logger.LogError("Identity answered login with 200 but without the expected token fields");
            await WriteProblemAsync(context, GatewayProblems.UnexpectedLoginAnswer());
            return;
        }

        // A login says "remember me" in its body; an upgraded session carries it over in the answer.
        var login = LoginRequest.Of(context) ?? new LoginRequest(null, json["remember_me"] is JsonValue remember && remember.GetValueKind() == JsonValueKind.True);
        string? sessionId;
        try
        {
            sessionId = await store.CreateAsync(BrowserSession.From(tokens, login.RememberMe));
            if (SessionCookie.Read(context.Request) is { } previous && SessionStore.IsWellFormedId(previous))
            {
                // The browser is replacing its session; do not leave the old one behind in Redis.
                await store.DeleteAsync(previous);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogError(ex, "Session store unavailable at login");
            await WriteProblemAsync(context, GatewayProblems.SessionStoreUnavailable());
            return;
        }

        if (sessionId is not null)
        {
            SessionCookie.Append(context, sessionId, login.RememberMe ? tokens.RefreshExpiresAt : null);
        }

        foreach (var field in IssuedTokens.ServerSideFields)
        {
            json.Remove(field);
        }

        var output = JsonSerializer.SerializeToUtf8Bytes(json);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = output.Length;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(output, transform.CancellationToken);
    }

    private static Task WriteProblemAsync(HttpContext context, IResult problem)
    {
        // Identity's status and headers were copied already.
        context.Response.Clear();
        return problem.ExecuteAsync(context);
    }

    private static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool TryReadTokens(byte[] answer, out JsonObject json, out IssuedTokens tokens)
    {
        json = null!;
        tokens = null!;
        try
        {
            if (JsonNode.Parse(answer) is JsonObject parsed && IssuedTokens.TryParse(parsed, out var issued))
            {
                json = parsed;
                tokens = issued;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
