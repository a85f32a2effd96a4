using System.Net;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

[Collection(DisruptiveCollection.Name)]
public sealed class GatewayTests(CrmFixture fixture)
{
    private HttpClient CookieClient(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = new Uri(fixture.GatewayUrl) };

    [Fact]
    public async Task Login_opens_an_http_only_strict_session_cookie_that_authenticates_later_calls()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var cookies = new CookieContainer();
        var browser = CookieClient(cookies);

        var login = await browser.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm_session=", StringComparison.Ordinal));
        setCookie.ToLowerInvariant().ShouldContain("httponly");
        setCookie.ToLowerInvariant().ShouldContain("samesite=strict");
        setCookie.ToLowerInvariant().ShouldContain("path=/");
        setCookie.ToLowerInvariant().ShouldNotContain("expires="); // not "remember me": a browser-session cookie
        (await login.ReadJsonAsync())["refresh_token"].ShouldBeNull();

        var me = await browser.GetAsync("/api/v1/auth/me");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.ReadJsonAsync()).Str("email").ShouldBe(user.Email);
    }

    [Fact]
    public async Task Remember_me_makes_the_cookie_persistent()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var login = await CookieClient(new CookieContainer()).PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, remember_me = true });

        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm_session=", StringComparison.Ordinal)).ToLowerInvariant().ShouldContain("expires=");
    }

    [Fact]
    public async Task Cookie_authenticated_changes_need_the_x_requested_with_header()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var browser = CookieClient(new CookieContainer());
        (await browser.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var forged = await browser.PostJsonAsync("/api/v1/auth/change-password", new { current_password = user.Password, new_password = "Forged2Crm" });
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        browser.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        var real = await browser.PostJsonAsync("/api/v1/auth/change-password", new { current_password = user.Password, new_password = "Really2Crm" });
        real.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Logout_ends_the_browser_session()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var browser = CookieClient(new CookieContainer());
        browser.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        (await browser.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var logout = await browser.PostAsync("/api/v1/auth/logout", null);

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        foreach (var path in new[] { "/", "/login", "/api/v1/health", "/api/v1/auth/me" })
        {
            var response = await fixture.CreateClient().GetAsync(path);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
            response.Headers.GetValues("Referrer-Policy").Single().ShouldNotBeNullOrEmpty();
        }
    }

    [Fact]
    public async Task The_spa_is_served_for_app_paths_and_api_paths_never_fall_back_to_it()
    {
        var client = fixture.CreateClient();

        var deepLink = await client.GetAsync("/accounts/123");
        deepLink.StatusCode.ShouldBe(HttpStatusCode.OK);
        deepLink.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await deepLink.Content.ReadAsStringAsync()).ShouldContain("<div id=\"root\">");

        var unknownApi = await client.GetAsync("/api/v1/no-such-resource");
        unknownApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownApi.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Repeated_logins_for_one_account_are_rate_limited()
    {
        var client = fixture.CreateClient();
        var email = $"{Guid.NewGuid():N}@agency.test";
        HttpResponseMessage last = null!;
        // Fixed one-minute windows; enough tries that even across one window edge, one window goes over the limit.
        for (var i = 0; i < (2 * CrmFixture.TestLoginLimitPerAccount) + 2 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await client.PostJsonAsync("/api/v1/auth/login", new { email, password = "Wrong12345" });
        }

        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Health_is_green_when_every_service_is()
    {
        var response = await fixture.CreateClient().GetAsync("/api/v1/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        foreach (var service in new[] { "identity", "sales", "billing", "activities" })
        {
            body["services"]![service]!.GetValue<string>().ShouldBe("Healthy");
        }
    }

    [Fact]
    public async Task Health_answers_503_naming_a_service_that_is_down()
    {
        await fixture.StopResourceAsync("activities");
        try
        {
            var response = await Eventually.WaitForAsync(
                () => fixture.CreateClient().GetAsync("/api/v1/health"),
                r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(30),
                "the gateway to report activities down");
            var body = await response.ReadJsonAsync();
            body["failing"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["activities"]);
        }
        finally
        {
            await fixture.StartResourceAsync("activities");
        }

        await Eventually.WaitForAsync(
            () => fixture.CreateClient().GetAsync("/api/v1/health"),
            r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "health to be green again");
    }
}
