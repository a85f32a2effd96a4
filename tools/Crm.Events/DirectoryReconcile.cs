using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Crm.Events;

/// <summary>One directory's outcome as a service reports it (<c>POST /internal/v1/directory/reconcile</c>).</summary>
public sealed record DirectoryResult(
    [property: JsonPropertyName("directory")] string Directory,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("checked")] int Checked,
    [property: JsonPropertyName("added")] int Added,
    [property: JsonPropertyName("updated")] int Updated,
    [property: JsonPropertyName("error")] string? Error)
{
    /// <summary>The service whose copy this is (filled in here: the service does not name itself).</summary>
    [JsonIgnore]
    public string Service { get; init; } = "";
}

/// <summary>
/// Asks every service that keeps directories to rebuild them from their owners (the services do the
/// work: they know their tables and versions). Logs in as an admin through the gateway for the token.
/// </summary>
public sealed class DirectoryReconcile(CrmRun run, HttpClient http)
{
    public const string Path = "/internal/v1/directory/reconcile";

    public async Task<IReadOnlyList<DirectoryResult>> RunAsync(string email, string password, CancellationToken ct)
    {
        var token = await LoginAsync(email, password, ct);
        var results = new List<DirectoryResult>();
        foreach (var (service, replicas) in run.Services.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (await ReconcileAsync(service, replicas, token, ct) is { } directories)
            {
                results.AddRange(directories.Select(d => d with { Service = service }));
            }
        }

        return results;
    }

    /// <returns>null when the service keeps no directory (it does not map the endpoint).</returns>
    private async Task<IReadOnlyList<DirectoryResult>?> ReconcileAsync(string service, IReadOnlyList<string> replicas, string token, CancellationToken ct)
    {
        HttpRequestException? unreachable = null;
        // One replica does it for all: they share the database.
        foreach (var replica in replicas)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, replica.TrimEnd('/') + Path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException ex)
            {
                unreachable = ex;
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new EventsException($"{service} answered {(int)response.StatusCode} to POST {Path}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                var answer = await response.Content.ReadFromJsonAsync<ReconcileAnswer>(ct);
                return answer?.Directories ?? [];
            }
        }

        throw new EventsException($"{service} cannot be reached ({unreachable?.Message}): is it running?");
    }

    private async Task<string> LoginAsync(string email, string password, CancellationToken ct)
    {
        var gateway = run.Gateway ?? throw new EventsException("the CRM runs without its services (--infra-only): nothing to reconcile");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(gateway.TrimEnd('/') + "/api/v1/auth/login", new { email, password }, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new EventsException($"the gateway at {gateway} cannot be reached ({ex.Message}): is the CRM running?", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new EventsException($"login as {email} failed: {(int)response.StatusCode} (set CRM_ADMIN_EMAIL / CRM_ADMIN_PASSWORD or --email / --password)");
            }

            var login = await response.Content.ReadFromJsonAsync<LoginAnswer>(ct);
            return login?.Token ?? throw new EventsException($"login as {email}: no token in the answer");
        }
    }

    private sealed record ReconcileAnswer([property: JsonPropertyName("directories")] List<DirectoryResult> Directories);

    private sealed record LoginAnswer([property: JsonPropertyName("token")] string Token);
}
