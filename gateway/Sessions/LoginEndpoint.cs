using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Gateway.Forwarding;
using Crm.Gateway.Problems;
using Crm.Gateway.RateLimiting;
using StackExchange.Redis;

namespace Crm.Gateway.Sessions;

/// <summary>
/// <c>POST /api/v1/auth/login</c>: rate-limited, forwarded to Identity, and on success turned into a
/// browser session. The refresh token stays in Redis; the browser gets the cookie and the rest of the body.
/// </summary>
public sealed class LoginEndpoint(
    ApiProxy proxy,
    LoginRateLimiter rateLimiter,
    SessionStore store,
    ILogger<LoginEndpoint> logger)
{
    // A login body is a few hundred bytes; buffering it (to read the e-mail) is fine up to this.
    private const int MaxBodyBytes = 16 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        if (body is null)
        {
            await GatewayProblems.LoginBodyTooLarge().ExecuteAsync(context);
            return;
        }

        var login = LoginRequest.Parse(body);
        var decision = await rateLimiter.AcquireAsync(ClientIp.Of(context), login.Email);
        if (!decision.Allowed)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await GatewayProblems.TooManyLoginAttempts(decision.RetryAfter).ExecuteAsync(context);
            return;
        }

        using var result = await proxy.SendAsync(context, () => new ByteArrayContent(body));
        if (result.Response is not { StatusCode: HttpStatusCode.OK } response || !IsJson(response.Content.Headers.ContentType))
        {
            await proxy.WriteAsync(context, result);
            return;
        }

        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (!TryReadTokens(answer, out var json, out var tokens))
        {
            logger.LogError("Identity answered login with 200 but without the expected token fields");
            await GatewayProblems.UnexpectedLoginAnswer().ExecuteAsync(context);
            return;
        }

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
            await GatewayProblems.SessionStoreUnavailable().ExecuteAsync(context);
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
        context.Response.StatusCode = StatusCodes.Status200OK;
        HttpForwarder.CopyResponseHeaders(response, context.Response, "Content-Length", "Content-Type");
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = output.Length;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(output, context.RequestAborted);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
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
