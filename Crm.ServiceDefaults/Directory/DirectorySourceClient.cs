using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Crm.ServiceDefaults.Json;
using Microsoft.Extensions.Configuration;

namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// Reads an owning service's <see cref="DirectorySourceApi"/> page by page, found through service
/// discovery (<c>services:&lt;name&gt;:http:0</c>, then the next replica when one cannot be reached).
/// </summary>
public sealed class DirectorySourceClient(HttpClient http, IConfiguration configuration, AuthenticationHeaderValue? authorization)
{
    public const int PageSize = 500;

    private static readonly JsonSerializerOptions Json = JsonExtensions.CreateOptions();

    public async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T>(DirectorySource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var replicas = Replicas(source.Service);
        if (replicas.Count == 0)
        {
            throw new DirectorySourceException($"no address for {source.Service} (services__{source.Service}__http__0 is not set)");
        }

        Guid? after = null;
        do
        {
            var page = await GetPageAsync<T>(replicas, source, after, cancellationToken);
            yield return page.Items;
            after = page.NextAfter;
        }
        while (after is not null);
    }

    private async Task<DirectorySourcePage<T>> GetPageAsync<T>(IReadOnlyList<string> replicas, DirectorySource source, Guid? after, CancellationToken cancellationToken)
    {
        var query = $"{source.Path}?limit={PageSize}" + (after is { } a ? $"&after={a}" : "");
        HttpRequestException? unreachable = null;
        foreach (var replica in replicas)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, replica.TrimEnd('/') + query);
            request.Headers.Authorization = authorization;
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                unreachable = ex;
                continue;
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

        throw new DirectorySourceException($"{source.Service} cannot be reached: {unreachable?.Message}");
    }

    private List<string> Replicas(string service)
    {
        var found = new List<string>();
        for (var i = 0; configuration[$"services:{service}:http:{i}"] is { Length: > 0 } url; i++)
        {
            found.Add(url);
        }

        return found;
    }
}

/// <summary>The owning service could not give its records (down, refused, unknown address).</summary>
public sealed class DirectorySourceException(string message) : Exception(message);
