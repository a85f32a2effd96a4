using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Seed;

/// <summary>The few public API calls the seeder makes, through the gateway, with retries.</summary>
public sealed class CrmApi : IDisposable
{
    public const int MaxAttempts = 6;

    private readonly HttpClient _http;
    private readonly Action<string> _log;

    public CrmApi(string baseUrl, int concurrency, Action<string> log, HttpMessageHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler
        {
            // Bearer tokens only: the gateway's login also sets a browser-session cookie we do not want.
            UseCookies = false,
            MaxConnectionsPerServer = concurrency + 2,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        _log = log;
    }

    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based): 0.25 s, 0.5 s, 1 s... capped at 8 s.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(8000, 250 * Math.Pow(2, attempt - 1)));

    public static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    public async Task<Session> LoginAsync(string email, string password, CancellationToken ct)
    {
        var session = new Session(email, password);
        await session.RefreshAsync(this, null, ct);
        return session;
    }

    /// <summary>POST /api/v1/auth/login; null when the credentials are refused.</summary>
    internal async Task<string?> TryLoginAsync(string email, string password, CancellationToken ct)
    {
        using var response = await SendAsync(() => Json(HttpMethod.Post, "api/v1/auth/login", new JsonObject { ["email"] = email, ["password"] = password }), null, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
        {
            return null;
        }

        var body = await EnsureSuccessAsync(response, $"login as {email}", ct);
        return body?["token"]?.GetValue<string>() ?? throw new SeedException($"login as {email}: no token in the answer");
    }

    /// <summary>Creates a user with role User and sets its password; false when the e-mail is taken already.</summary>
    public async Task<bool> CreateUserAsync(Session admin, OwnerDraft owner, string password, CancellationToken ct)
    {
        var create = new JsonObject { ["first_name"] = owner.FirstName, ["last_name"] = owner.LastName, ["email"] = owner.Email, ["role"] = "User" };
        var key = Guid.NewGuid().ToString();
        using var response = await SendAsync(() => Keyed(Json(HttpMethod.Post, "api/v1/admin/users", create), key), admin, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await response.Content.ReadAsStringAsync(ct);
            if (problem.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            throw new SeedException($"create user {owner.Email}: 400 {problem}");
        }

        var created = await EnsureSuccessAsync(response, $"create user {owner.Email}", ct);
        var link = created?["set_password_url"]?.GetValue<string>() ?? throw new SeedException($"create user {owner.Email}: no set_password_url");
        var token = SetPasswordToken(link) ?? throw new SeedException($"create user {owner.Email}: no token in {link}");
        using var set = await SendAsync(() => Json(HttpMethod.Post, "api/v1/auth/set-password", new JsonObject { ["token"] = token, ["new_password"] = password }), null, ct);
        await EnsureSuccessAsync(set, $"set the password of {owner.Email}", ct);
        return true;
    }

    /// <summary>The <c>token</c> query parameter of a set-password link.</summary>
    public static string? SetPasswordToken(string link)
    {
        var query = link.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? link[(q + 1)..] : "";
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == "token")
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    /// <summary>POST /api/v1/accounts; the created account's id.</summary>
    public async Task<JsonNode> CreateAccountAsync(Session owner, JsonObject body, string label, CancellationToken ct)
    {
        var payload = body.ToJsonString();
        var key = Guid.NewGuid().ToString();
        using var response = await SendAsync(() => Keyed(new HttpRequestMessage(HttpMethod.Post, "api/v1/accounts") { Content = new StringContent(payload, Encoding.UTF8, "application/json") }, key), owner, ct);
        var created = await EnsureSuccessAsync(response, label, ct);
        return created?["id"]?.DeepClone() ?? throw new SeedException($"{label}: no id in the answer");
    }

    /// <summary>Sends with retries on connection errors, timeouts, 5xx and 429, and one new login on 401.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, Session? session, CancellationToken ct)
    {
        var relogged = false;
        for (var attempt = 1; ; attempt++)
        {
            using var request = make();
            string? token = null;
            if (session is not null)
            {
                token = session.Token;
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct);
            }
            catch (Exception ex) when (attempt < MaxAttempts && !ct.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException)
            {
                _log($"retry {request.Method} {request.RequestUri?.PathAndQuery}: {ex.Message}");
                await Task.Delay(Backoff(attempt), ct);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && session is not null && !relogged)
            {
                // The 15-minute access token expired: log in again once and repeat.
                response.Dispose();
                await session.RefreshAsync(this, token, ct);
                relogged = true;
                attempt--;
                continue;
            }

            if (IsTransient(response.StatusCode) && attempt < MaxAttempts)
            {
                var wait = response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : Backoff(attempt);
                _log($"retry {request.Method} {request.RequestUri?.PathAndQuery}: {(int)response.StatusCode} (waiting {wait.TotalSeconds:0.##} s)");
                response.Dispose();
                await Task.Delay(wait, ct);
                continue;
            }

            return response;
        }
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Json(HttpMethod method, string path, JsonObject body) =>
        new(method, path) { Content = JsonContent.Create(body) };

    /// <summary>Every attempt of one create carries the same key, so a retry after a lost answer creates nothing twice.</summary>
    private static HttpRequestMessage Keyed(HttpRequestMessage request, string idempotencyKey)
    {
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private static async Task<JsonNode?> EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new SeedException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase} {Shorten(text)}");
        }

        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new SeedException($"{what}: the answer is not JSON: {Shorten(text)}");
        }
    }

    private static string Shorten(string s) => s.Length <= 400 ? s : s[..400] + "...";
}

/// <summary>A logged-in user; logs in again (once for all callers) when the token expires.</summary>
public sealed class Session(string email, string password)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Email { get; } = email;

    public string Token { get; private set; } = "";

    /// <param name="stale">The token that was refused; nothing to do when another caller replaced it already.</param>
    public async Task RefreshAsync(CrmApi api, string? stale, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (stale is not null && Token != stale)
            {
                return;
            }

            Token = await api.TryLoginAsync(Email, password, ct) ?? throw new SeedException($"login as {Email} refused (wrong e-mail or password?)");
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed class SeedException(string message) : Exception(message);
