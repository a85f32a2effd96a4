using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Search;
using Microsoft.Net.Http.Headers;

namespace Crm.Gateway.Search;

/// <summary>
/// Asks one service (<c>http://sales</c>..., any replica through service discovery and the standard resilience
/// handler) for its part of a search or of the recent records, with the caller's own credentials and a deadline
/// of <see cref="Timeout"/>: a service that does not answer in time is left out, not waited for.
/// </summary>
public sealed class SearchClient(HttpClient client, ILogger<SearchClient> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static readonly JsonSerializerOptions Json = JsonExtensions.CreateOptions();

    public Task<SourceOutcome<SourceAnswer>> SearchAsync(
        SearchOwner owner, SearchRequest request, IEnumerable<string> types, string authorization, CancellationToken cancellationToken) =>
        GetAsync<SourceAnswer>(
            owner,
            $"{SearchApi.Path}?q={Uri.EscapeDataString(request.Q)}&types={Uri.EscapeDataString(string.Join(',', types))}&limit={request.Limit}",
            authorization,
            notFound: null,
            cancellationToken);

    /// <summary>
    /// A service's recent records. A service that does not serve them yet (404) has none to show, which is not
    /// an outage.
    /// </summary>
    public async Task<SourceOutcome<List<RecentItem>>> RecentAsync(
        SearchOwner owner, int limit, string authorization, CancellationToken cancellationToken) =>
        await GetAsync<List<RecentItem>>(owner, $"/internal/v1/recent?limit={limit}", authorization, notFound: [], cancellationToken);

    private async Task<SourceOutcome<T>> GetAsync<T>(
        SearchOwner owner, string pathAndQuery, string authorization, T? notFound, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{owner.Service}{pathAndQuery}"));
            message.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
            using var response = await client.SendAsync(message, deadline.Token);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return SourceOutcome<T>.Refused;
            }

            if (response.StatusCode == HttpStatusCode.NotFound && notFound is not null)
            {
                return new SourceOutcome<T>(notFound, false);
            }

            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("{Service} answered {Status} to {Path}", owner.Service, (int)response.StatusCode, message.RequestUri!.AbsolutePath);
                return SourceOutcome<T>.Unavailable;
            }

            var answer = await response.Content.ReadFromJsonAsync<T>(Json, deadline.Token);
            return answer is null ? SourceOutcome<T>.Unavailable : new SourceOutcome<T>(answer, false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or JsonException
            or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            logger.LogWarning("{Service} could not answer {Path}: {Error}", owner.Service, pathAndQuery.Split('?')[0], ex.Message);
            return SourceOutcome<T>.Unavailable;
        }
    }
}
