using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace Crm.UnitTests.Gateway;

/// <summary>The gateway's YARP configuration and the steps around forwarding, against fake replicas on loopback ports.</summary>
public sealed class GatewayProxyTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private HttpClient Client => gateway.Client;

    [Theory]
    [InlineData("GET", "/api/v1/auth/me", "identity")]
    [InlineData("PUT", "/api/v1/admin/users/5", "identity")]
    [InlineData("GET", "/api/v1/accounts", "sales")]
    [InlineData("GET", "/api/v1/contacts/3", "sales")]
    [InlineData("POST", "/api/v1/leads/3/convert", "sales")]
    [InlineData("GET", "/api/v1/opportunities", "sales")]
    [InlineData("DELETE", "/api/v1/opportunities/3/line_items/9", "sales")]
    [InlineData("POST", "/api/v1/opportunities/3/generate-order", "billing")]
    [InlineData("POST", "/api/v1/opportunities/3/generate-contract", "billing")]
    [InlineData("GET", "/api/v1/products", "sales")]
    [InlineData("GET", "/api/v1/orders/1", "billing")]
    [InlineData("PUT", "/api/v1/payments/1", "billing")]
    [InlineData("GET", "/api/v1/reports/retainer-payments?year=2026", "billing")]
    [InlineData("GET", "/api/v1/activities", "activities")]
    [InlineData("PUT", "/api/v1/cases/2", "activities")]
    public async Task Each_public_path_goes_unchanged_to_its_owning_service(string method, string path, string service)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var replica = await response.Content.ReadAsStringAsync();
        replica.ShouldStartWith(service);
        gateway.Replica(replica).Calls.ShouldContain(c => c.Method == method && c.PathAndQuery == path);
    }

    [Theory]
    [InlineData("/api/v1/unknown")]
    [InlineData("/api/v2/accounts")]
    [InlineData("/api/v1/accountsx")]
    public async Task Other_api_paths_are_a_404_problem_not_the_web_app(string path)
    {
        using var response = await Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Requests_are_spread_over_the_replicas()
    {
        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await Client.GetStringAsync("/api/v1/accounts"));
        }

        answers.Distinct().Order().ShouldBe(["sales-1", "sales-2"]);
    }

    [Fact]
    public async Task With_one_replica_down_every_idempotent_request_still_succeeds()
    {
        for (var i = 0; i < 10; i++)
        {
            (await Client.GetAsync($"/api/v1/orders?page={i}")).StatusCode.ShouldBe(HttpStatusCode.OK);

            var key = Guid.NewGuid().ToString();
            using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders/1/payments") { Content = new StringContent("""{"amount":"10.00"}""", Encoding.UTF8, "application/json") };
            keyed.Headers.Add("Idempotency-Key", key);
            (await Client.SendAsync(keyed)).StatusCode.ShouldBe(HttpStatusCode.OK);
            gateway.Replica("billing-1").Calls.Single(c => c.IdempotencyKey == key).Body.ShouldBe("""{"amount":"10.00"}""");
        }
    }

    [Fact]
    public async Task A_keyed_write_whose_replica_broke_off_is_resent_once_with_the_same_body_and_key()
    {
        var key = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities/break") { Content = new StringContent("""{"subject":"x"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);

        using var response = await Client.SendAsync(request);

        // Both replicas break off: the second answer is the client's 502.
        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldBe("The activities service sent no valid answer.");
        var calls = CallsTo("activities", c => c.IdempotencyKey == key);
        calls.Select(c => c.Replica).Order().ShouldBe(["activities-1", "activities-2"]);
        calls.ShouldAllBe(c => c.Call.Body == """{"subject":"x"}""");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_write_without_a_key_is_never_resent(string method)
    {
        var marker = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/activities/{marker}/break") { Content = JsonContent.Create(new { }) };

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        CallsTo("activities", c => c.PathAndQuery.Contains(marker, StringComparison.Ordinal)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_service_nobody_answers_for_is_a_problem_naming_it()
    {
        using var response = await Client.GetAsync("/api/v1/dead/1");

        ((int)response.StatusCode).ShouldBeOneOf(502, 503);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("The dead service");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_forwarded()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/accounts?m={marker}") { Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]) };
        // Waits for the verdict before sending the body, so the refusal is read rather than a reset mid-upload.
        request.Headers.ExpectContinue = true;

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        CallsTo("sales", c => c.PathAndQuery.Contains(marker, StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cookies_stay_at_the_gateway_and_the_client_address_is_the_gateways_to_tell()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/accounts?m={marker}");
        request.Headers.Add("Cookie", "other=1");
        request.Headers.Add("X-Forwarded-For", "6.6.6.6");

        using var response = await Client.SendAsync(request);

        response.Headers.Server.ShouldBeEmpty();
        var call = CallsTo("sales", c => c.PathAndQuery.Contains(marker, StringComparison.Ordinal)).Single().Call;
        call.Cookie.ShouldBeEmpty();
        call.ForwardedFor.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task Repeated_logins_for_one_account_are_limited_with_a_retry_after()
    {
        var email = $"{Guid.NewGuid():N}@agency.test";
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i <= GatewayHost.LoginLimitPerAccount; i++)
        {
            last = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong12345" });
            statuses.Add(last.StatusCode);
        }

        // Each attempt under the limit reaches Identity's token endpoint (the fake replica's answer is no token: 502).
        statuses.Take(GatewayHost.LoginLimitPerAccount).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        gateway.Replica("identity").Calls.Count(c => c.PathAndQuery == "/connect/token").ShouldBeGreaterThanOrEqualTo(GatewayHost.LoginLimitPerAccount);
        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
        last.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        // Another account from the same address is not held back by that one.
        (await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "other@agency.test", password = "x" })).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Repeated_password_resets_for_one_address_are_limited_apart_from_logins()
    {
        var email = $"{Guid.NewGuid():N}@agency.test";
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i <= GatewayHost.ForgotPasswordLimitPerAccount; i++)
        {
            last = await Client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email });
            statuses.Add(last.StatusCode);
        }

        statuses.Take(GatewayHost.ForgotPasswordLimitPerAccount).ShouldAllBe(s => s == HttpStatusCode.OK);
        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
        (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldStartWith("Too many password reset requests.");
        // Counted apart: the same address may still log in, and another address may still ask for a link.
        (await Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "x" })).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await Client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "other-" + email })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forgot_password_needs_no_csrf_header_when_an_old_session_cookie_is_sent()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/auth/forgot-password?m={marker}")
        {
            Content = JsonContent.Create(new { email = $"{marker}@agency.test" }),
        };
        request.Headers.Add("Cookie", "crm_session=" + new string('a', 43));

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Replica("identity").Calls.ShouldContain(c => c.PathAndQuery.Contains(marker, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_oversized_login_body_is_refused_without_reaching_identity(bool chunked)
    {
        var marker = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/auth/login?m={marker}") { Content = new StringContent(new string('a', (1024 * 1024) + 1), Encoding.UTF8, "application/json") };
        request.Headers.TransferEncodingChunked = chunked;
        // As clients send large bodies: the gateway's 413 comes before the body is sent. Without it the client may
        // still be writing the megabyte when the gateway answers and closes, and read a reset instead of the 413.
        request.Headers.ExpectContinue = true;
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "t");

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        gateway.Replica("identity").Calls.ShouldNotContain(c => c.PathAndQuery.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_asks_every_replica_by_its_name()
    {
        using var response = await Client.GetAsync("/api/v1/health");

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var replicas = body["replicas"]!.AsObject();
        replicas.Select(r => r.Key).ShouldBe(["activities-1", "activities-2", "billing-1", "billing-2", "dead", "gateway", "identity", "sales-1", "sales-2"], ignoreOrder: true);
        replicas["billing-2"]!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        replicas["billing-2"]!["description"]!.GetValue<string>().ShouldBe("Not reachable.");
        body["services"]!["billing"]!.GetValue<string>().ShouldBe("Healthy");
        body["failing"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("dead");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    private List<(string Replica, FakeReplica.Call Call)> CallsTo(string service, Func<FakeReplica.Call, bool> match) =>
        new[] { $"{service}-1", $"{service}-2" }
            .Where(name => name != "billing-2")
            .SelectMany(name => gateway.Replica(name).Calls.Where(match).Select(c => (name, c)))
            .ToList();
}
