using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Crm.ServiceDefaults.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// Reads an owning service's <see cref="DirectorySourceApi"/> page by page at <c>http://&lt;service&gt;</c>:
/// service discovery picks a replica (<c>services__&lt;service&gt;__http__N</c>) for each attempt, and the
/// standard resilience handler retries these GETs, so a replica that cannot be reached is passed over.
/// </summary>
public sealed class DirectorySourceClient(HttpClient http, AuthenticationHeaderValue? authorization)
{
    public const int PageSize = 500;

    private static readonly JsonSerializerOptions Json = JsonExtensions.CreateOptions();

    public async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T>(DirectorySource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        do
        {
            var page = await GetPageAsync<T>(source, after, cancellationToken);
            yield return page.Items;
            after = page.NextAfter;
        }
        while (after is not null);
    }

    private async Task<DirectorySourcePage<T>> GetPageAsync<T>(DirectorySource source, Guid? after, CancellationToken cancellationToken)
    {
        var query = $"{source.Path}?limit={PageSize}" + (after is { } a ? $"&after={a}" : "");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{source.Service}{query}");
        request.Headers.Authorization = authorization;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or InvalidOperationException
            && !cancellationToken.IsCancellationRequested)
        {
            // Down, refused, too slow, or no address known (InvalidOperationException from service discovery).
            throw new DirectorySourceException($"{source.Service} cannot be reached: {ex.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DirectorySourceException($"{source.Service} answered {(int)response.StatusCode} to GET {source.Path}");
            }

            return await response.Content.ReadFromJsonAsync<DirectorySourcePage<T>>(Json, cancellationToken)
                ?? throw new DirectorySourceException($"{source.Service} answered an empty page to GET {source.Path}");
        }
    }
}

/// <summary>The owning service could not give its records (down, refused, unknown address).</summary>
public sealed class DirectorySourceException(string message) : Exception(message);
