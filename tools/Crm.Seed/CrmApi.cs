using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Crm.Seed;

/// <summary>
/// The public API calls of the seeder, through the gateway. Transient failures (connection errors,
/// timeouts, 5xx, 429) are retried by the standard HTTP resilience handler; creates carry an
/// <c>Idempotency-Key</c> that stays the same on every attempt, so a retry never creates twice.
/// </summary>
public sealed class CrmApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _untilVisible;

    public CrmApi(string baseUrl, int concurrency, Action<string> log, HttpMessageHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler
        {
            // Bearer tokens only: the gateway's login also sets a browser-session cookie we do not want.
            UseCookies = false,
            MaxConnectionsPerServer = concurrency + 2,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var transient = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 5,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(8),
                BackoffType = DelayBackoffType.Exponential,
                OnRetry = args =>
                {
                    log($"retry {args.Outcome.Result?.RequestMessage?.RequestUri?.PathAndQuery}: {(args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.Message)} (waiting {args.RetryDelay.TotalSeconds:0.##} s)");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();
        _http = new HttpClient(new ResilienceHandler(transient) { InnerHandler = handler })
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromMinutes(5),
        };

        // A record made a moment ago reaches the other services as an event: until it has, they answer
        // "not found" for it. Waiting a little is all it takes.
        _untilVisible = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NotVisibleYetException>(),
                MaxRetryAttempts = 15,
                Delay = TimeSpan.FromMilliseconds(300),
                MaxDelay = TimeSpan.FromSeconds(4),
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
    }

    public async Task<Session> LoginAsync(string email, string password, CancellationToken ct)
    {
        var session = new Session(email, password);
        await session.RefreshAsync(this, null, ct);
        return session;
    }

    /// <summary>POST /api/v1/auth/login; the token and the user's id, or null when the credentials are refused.</summary>
    internal async Task<(string Token, string UserId)?> TryLoginAsync(string email, string password, CancellationToken ct)
    {
        using var response = await SendAsync(() => Json(HttpMethod.Post, "api/v1/auth/login", new JsonObject { ["email"] = email, ["password"] = password }), null, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
        {
            return null;
        }

        var body = await EnsureSuccessAsync(response, $"login as {email}", ct);
        var token = body?["token"]?.GetValue<string>() ?? throw new SeedException($"login as {email}: no token in the answer");
        return (token, body?["user"]?["id"]?.GetValue<string>() ?? "");
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
    public async Task<JsonNode> CreateAccountAsync(Session owner, JsonObject body, string label, CancellationToken ct) =>
        (await PostAsync(owner, "api/v1/accounts", body, label, ct))["id"]?.DeepClone() ?? throw new SeedException($"{label}: no id in the answer");

    /// <summary>A create (POST with an Idempotency-Key); the answer.</summary>
    public Task<JsonNode> PostAsync(Session session, string path, JsonObject body, string label, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString();
        return CallAsync(session, HttpMethod.Post, path, body, key, label, ct);
    }

    public Task<JsonNode> PutAsync(Session session, string path, JsonObject body, string label, CancellationToken ct) =>
        CallAsync(session, HttpMethod.Put, path, body, null, label, ct);

    public Task<JsonNode> GetAsync(Session session, string path, string label, CancellationToken ct) =>
        CallAsync(session, HttpMethod.Get, path, null, null, label, ct);

    /// <summary>Waits (a few seconds at most) while the answer says a record is not known there yet.</summary>
    private async Task<JsonNode> CallAsync(Session session, HttpMethod method, string path, JsonObject? body, string? key, string label, CancellationToken ct)
    {
        var payload = body?.ToJsonString();
        return await _untilVisible.ExecuteAsync(
            async token =>
            {
                using var response = await SendAsync(
                    () =>
                    {
                        var request = new HttpRequestMessage(method, path);
                        if (payload is not null)
                        {
                            request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                        }

                        return key is null ? request : Keyed(request, key);
                    },
                    session,
                    token);
                if (!response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(token);
                    if (IsNotVisibleYet(response.StatusCode, text))
                    {
                        throw new NotVisibleYetException($"{label}: {(int)response.StatusCode} {Shorten(text)}");
                    }

                    throw new ApiException(response.StatusCode, text, $"{label}: {(int)response.StatusCode} {response.ReasonPhrase} {Shorten(text)}");
                }

                return await EnsureSuccessAsync(response, label, token) ?? new JsonObject();
            },
            ct);
    }

    /// <summary>
    /// A won deal Billing has not heard of yet (404), or a record or user the Activities service has not
    /// heard of yet (400 on the link): both arrive as events moments after the record was made.
    /// </summary>
    public static bool IsNotVisibleYet(HttpStatusCode status, string problem) =>
        (status == HttpStatusCode.NotFound && problem.Contains("has not reached Billing", StringComparison.Ordinal))
        || (status == HttpStatusCode.BadRequest && (problem.Contains("with this id.", StringComparison.Ordinal) || problem.Contains("must be an active user", StringComparison.Ordinal)));

    /// <summary>Sends (the handler retries transient failures), logging in again once on 401.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, Session? session, CancellationToken ct)
    {
        using var request = make();
        string? token = null;
        if (session is not null)
        {
            token = session.Token;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await _http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized || session is null)
        {
            return response;
        }

        // The 15-minute access token expired: log in again once and repeat.
        response.Dispose();
        await session.RefreshAsync(this, token, ct);
        using var again = make();
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return await _http.SendAsync(again, ct);
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Json(HttpMethod method, string path, JsonObject body) =>
        new(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

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
            throw new ApiException(response.StatusCode, text, $"{what}: {(int)response.StatusCode} {response.ReasonPhrase} {Shorten(text)}");
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

    /// <summary>The user's id (activities are assigned to it).</summary>
    public string UserId { get; private set; } = "";

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

            (Token, UserId) = await api.TryLoginAsync(Email, password, ct) ?? throw new SeedException($"login as {Email} refused (wrong e-mail or password?)");
        }
        finally
        {
            _gate.Release();
        }
    }
}

public class SeedException(string message) : Exception(message);

/// <summary>The API refused a call; <see cref="Problem"/> is its answer.</summary>
public sealed class ApiException(HttpStatusCode status, string problem, string message) : SeedException(message)
{
    public HttpStatusCode Status { get; } = status;

    public string Problem { get; } = problem;
}

/// <summary>The record a call names has not reached the service that answered yet.</summary>
public sealed class NotVisibleYetException(string message) : SeedException(message);
