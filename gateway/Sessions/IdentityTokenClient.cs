using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Crm.Gateway.Sessions;

/// <summary>
/// Calls Identity's <c>POST /api/v1/auth/refresh</c> on the browser's behalf, at <c>http://identity</c> through
/// service discovery (the HttpClient defaults never resend a POST: a refresh token works once).
/// </summary>
public sealed class IdentityTokenClient(IHttpClientFactory clients, ILogger<IdentityTokenClient> logger)
{
    public static readonly Uri IdentityAddress = new("http://identity");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<RefreshOutcome> RefreshAsync(string refreshToken, HttpContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(IdentityAddress, "/api/v1/auth/refresh"))
            {
                Content = JsonContent.Create(new JsonObject { ["refresh_token"] = refreshToken }),
            };
            // Identity records where a session is used from.
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", ClientIp.Of(context));

            using var client = clients.CreateClient(nameof(IdentityTokenClient));
            using var response = await client.SendAsync(request, timeout.Token);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return new(RefreshStatus.Rejected);
            }

            if (response.StatusCode == HttpStatusCode.OK
                && await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token) is { } body
                && IssuedTokens.TryParse(body, out var tokens))
            {
                return new(RefreshStatus.Refreshed, tokens);
            }

            logger.LogWarning("Identity answered a session refresh with {Status}", (int)response.StatusCode);
            return new(RefreshStatus.Unavailable);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or Polly.ExecutionRejectedException)
        {
            logger.LogWarning(ex, "Session refresh at Identity failed");
            return new(RefreshStatus.Unavailable);
        }
    }
}
