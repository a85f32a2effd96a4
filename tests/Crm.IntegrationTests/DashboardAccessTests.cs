using System.Net;
using System.Net.Http.Headers;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// The developer dashboard's control API: reading is open on loopback, starting and stopping needs the token
/// `./crm run` prints (or the cookie its link sets) and is refused from other sites.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class DashboardAccessTests(CrmFixture fixture)
{
    // Starting a running resource changes nothing: a safe action to try the guard with.
    private const string HarmlessAction = "api/resources/redis/start";

    private HttpClient Dashboard(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(fixture.DashboardUrl! + "/"),
        };

    [Fact]
    public async Task Reading_needs_no_token()
    {
        var resources = await Dashboard().GetAsync("api/resources");

        resources.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resources.Content.ReadAsStringAsync()).ShouldContain("\"postgres\"");
    }

    [Fact]
    public async Task A_change_without_the_token_is_refused()
    {
        var client = Dashboard();

        (await client.PostAsync(HarmlessAction, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        (await client.PostAsync(HarmlessAction, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_change_with_the_token_is_accepted()
    {
        var client = Dashboard();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.DashboardToken);

        (await client.PostAsync(HarmlessAction, null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_change_from_another_site_is_refused_even_with_the_token(string header, string value)
    {
        var client = Dashboard();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.DashboardToken);
        client.DefaultRequestHeaders.Add(header, value);

        (await client.PostAsync(HarmlessAction, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_printed_link_sets_a_strict_http_only_cookie_that_the_page_s_own_requests_use()
    {
        var cookies = new CookieContainer();
        var browser = Dashboard(cookies);

        var login = await browser.GetAsync(new Uri(fixture.DashboardLoginUrl!));

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setCookie = login.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant();
        setCookie.ShouldContain("httponly");
        setCookie.ShouldContain("samesite=strict");

        var sameOrigin = new HttpRequestMessage(HttpMethod.Post, HarmlessAction);
        sameOrigin.Headers.Add("Origin", fixture.DashboardUrl);
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        (await browser.SendAsync(sameOrigin)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var crossSite = new HttpRequestMessage(HttpMethod.Post, HarmlessAction);
        crossSite.Headers.Add("Origin", "http://attacker.test");
        (await browser.SendAsync(crossSite)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrong_token_in_the_link_sets_nothing()
    {
        var login = await Dashboard().GetAsync("login?t=0123");

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        login.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/resources");
        request.Headers.Host = "rebound.example";

        (await Dashboard().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
