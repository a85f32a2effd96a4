using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Gateway.Forwarding;
using Crm.Gateway.LoadBalancing;

namespace Crm.Gateway.Sessions;

/// <summary>Calls Identity's <c>POST /api/v1/auth/refresh</c> on the browser's behalf.</summary>
public sealed class IdentityTokenClient(
    HttpClient client,
    IConfiguration configuration,
    ClusterRegistry clusters,
    TimeProvider time,
    ILogger<IdentityTokenClient> logger)
{
    public const string IdentityCluster = "identity";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<RefreshOutcome> RefreshAsync(string refreshToken, HttpContext context)
    {
        if (BaseAddress() is not { } baseAddress)
        {
            logger.LogWarning("No Identity address (services:identity:http:0 or the identity cluster) to refresh a session with");
            return new(RefreshStatus.Unavailable);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, HttpForwarder.DestinationUri(baseAddress, "/api/v1/auth/refresh", QueryString.Empty))
            {
                Content = JsonContent.Create(new JsonObject { ["refresh_token"] = refreshToken }),
            };
            // Identity records where a session is used from.
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", ClientIp.Of(context));

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
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Session refresh at Identity failed");
            return new(RefreshStatus.Unavailable);
        }
    }

    /// <summary>The Aspire-style service address first; else a healthy replica of the identity cluster.</summary>
    private Uri? BaseAddress()
    {
        foreach (var key in new[] { "services:identity:http:0", "services:identity:https:0" })
        {
            if (Uri.TryCreate(configuration[key], UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return clusters.Find(IdentityCluster)?.PickDestination(time.GetUtcNow())?.Address;
    }
}
