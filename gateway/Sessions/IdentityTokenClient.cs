using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Sessions;

/// <summary>
/// The gateway as Identity's confidential OAuth client: asks <c>http://identity/connect/token</c> (service discovery)
/// for tokens on a person's behalf, with its own client secret. The HttpClient defaults never resend a POST: a
/// refresh token works once.
/// </summary>
public sealed class IdentityTokenClient(IHttpClientFactory clients, IOptions<GatewayOptions> options, TimeProvider time, ILogger<IdentityTokenClient> logger)
{
    public const string ClientId = "crm-gateway";
    public static readonly Uri IdentityAddress = new("http://identity");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public Task<TokenOutcome> PasswordAsync(LoginRequest login, HttpContext context)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = login.Email ?? "",
            ["password"] = login.Password ?? "",
            ["scope"] = "openid offline_access",
            ["remember_me"] = login.RememberMe ? "true" : "false",
        };
        if (login.Otp is { Length: > 0 } otp)
        {
            form["otp"] = otp;
        }

        if (login.RecoveryCode is { Length: > 0 } recoveryCode)
        {
            form["recovery_code"] = recoveryCode;
        }

        return RequestAsync(form, context);
    }

    /// <summary>The browser's code flow: the code Identity redirected back with, and the PKCE verifier it was asked for with.</summary>
    public Task<TokenOutcome> CodeAsync(string code, string verifier, string redirectUri, HttpContext context) =>
        RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri,
        }, context);

    public Task<TokenOutcome> RefreshAsync(string refreshToken, HttpContext context) =>
        RequestAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, context);

    private async Task<TokenOutcome> RequestAsync(Dictionary<string, string> form, HttpContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(Timeout);
        try
        {
            form["client_id"] = ClientId;
            form["client_secret"] = options.Value.ClientSecret ?? "";
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(IdentityAddress, "/connect/token"))
            {
                Content = new FormUrlEncodedContent(form),
            };
            // Identity records where a session is used from.
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", ClientIp.Of(context));

            using var client = clients.CreateClient(nameof(IdentityTokenClient));
            using var response = await client.SendAsync(request, timeout.Token);
            var body = response.Content.Headers.ContentLength == 0 ? null : await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK && body is not null && IssuedTokens.TryParse(body, time.GetUtcNow(), out var tokens))
            {
                return new(TokenStatus.Issued, tokens, body);
            }

            // invalid_grant: wrong credentials or a dead refresh token. Any other error (invalid_client: the
            // gateway's secret is wrong) is the gateway's fault, not the person's.
            if (response.StatusCode == HttpStatusCode.BadRequest && (string?)body?["error"] == "invalid_grant")
            {
                return new(TokenStatus.Rejected, Body: body);
            }

            if (response.StatusCode == HttpStatusCode.BadRequest && (string?)body?["error"] == "invalid_request" && body?["errors"] is JsonObject)
            {
                return new(TokenStatus.Invalid, Body: body);
            }

            logger.LogWarning("Identity answered a token request with {Status} {Error}", (int)response.StatusCode, (string?)body?["error"]);
            return new(TokenStatus.Unavailable, Body: body);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or Polly.ExecutionRejectedException)
        {
            logger.LogWarning(ex, "Token request at Identity failed");
            return new(TokenStatus.Unavailable);
        }
    }
}
