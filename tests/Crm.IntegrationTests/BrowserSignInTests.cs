using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// The browser's sign-in as the backend-for-frontend does it, step by step over HTTP: the gateway's code flow with
/// PKCE, Identity's sign-in page and its cookie, the code redeemed by the gateway, the session cookie, and logout
/// ending both the tokens and Identity's own sign-in.
/// </summary>
public sealed partial class BrowserSignInTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task The_code_flow_with_pkce_signs_a_browser_in_through_the_gateway_and_logout_ends_it_everywhere()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var browser = new Browser(fixture.GatewayUrl);

        // The gateway starts the flow: PKCE (S256) and a state bound to this browser.
        var authorize = await browser.RedirectOf(await browser.GetAsync("/auth/signin?returnUrl=%2Faccounts%3Fview%3Dmine"));
        authorize.AbsolutePath.ShouldBe("/connect/authorize");
        var query = HttpUtility.ParseQueryString(authorize.Query);
        query["client_id"].ShouldBe("crm-gateway");
        query["response_type"].ShouldBe("code");
        query["code_challenge_method"].ShouldBe("S256");
        query["code_challenge"].ShouldNotBeNullOrEmpty();
        query["redirect_uri"].ShouldBe(fixture.GatewayUrl.TrimEnd('/') + "/auth/callback");

        // Not signed in at Identity: its sign-in page, served through the gateway.
        var page = await browser.RedirectOf(await browser.GetAsync(authorize.PathAndQuery));
        page.AbsolutePath.ShouldBe("/account/login");
        var form = await browser.GetAsync(page.PathAndQuery);
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await form.Content.ReadAsStringAsync();
        html.ShouldContain("Log In");
        var returnUrl = HttpUtility.ParseQueryString(page.Query)["ReturnUrl"]!;

        // A wrong password: the one generic answer, on the page.
        var wrong = await browser.PostFormAsync("/account/login", ("__csrf", Csrf(html)), ("ReturnUrl", returnUrl), ("username", user.Email), ("password", "Wrong12345"));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await wrong.Content.ReadAsStringAsync();
        again.ShouldContain("Invalid email or password.");

        // The right one: back to the authorization request, which now answers the gateway's callback with a code.
        var signedIn = await browser.PostFormAsync("/account/login", ("__csrf", Csrf(again)), ("ReturnUrl", returnUrl), ("username", user.Email), ("password", user.Password));
        var backToAuthorize = await browser.RedirectOf(signedIn);
        backToAuthorize.AbsolutePath.ShouldBe("/connect/authorize");
        var callback = await browser.RedirectOf(await browser.GetAsync(backToAuthorize.PathAndQuery));
        callback.GetLeftPart(UriPartial.Path).ShouldBe(fixture.GatewayUrl.TrimEnd('/') + "/auth/callback");
        var code = HttpUtility.ParseQueryString(callback.Query)["code"];
        code.ShouldNotBeNullOrEmpty();

        // The code alone is worth nothing: without the verifier only the gateway holds, Identity refuses it.
        var stolen = await fixture.TokenRequestAsync([("grant_type", "authorization_code"), ("code", code!), ("redirect_uri", query["redirect_uri"]!), ("code_verifier", new string('a', 43))]);
        stolen.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stolen.ReadJsonAsync()).Error().ShouldBe("invalid_grant");

        // The gateway, with the verifier, redeems it and the browser lands where it was going with a session.
        var landed = await browser.RedirectOf(await browser.GetAsync(callback.PathAndQuery));
        landed.PathAndQuery.ShouldBe("/accounts?view=mine");
        (await browser.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same callback again (a replayed redirect): the flow is spent, nothing is redeemed twice.
        (await browser.GetAsync(callback.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_signed_in_browser_holds_only_the_session_cookie_and_logout_ends_identitys_sign_in_too()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var browser = new Browser(fixture.GatewayUrl);

        var landed = await browser.SignInAsync(user.Email, user.Password, "/accounts");

        landed.ShouldBe("/accounts");
        browser.CookieNames().ShouldContain("crm_session");
        browser.CookieNames().ShouldContain("crm_signin");
        var me = await browser.GetAsync("/api/v1/auth/me");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.ReadJsonAsync()).Str("email").ShouldBe(user.Email);

        // Signed in at Identity already: another sign-in goes straight through, without the page.
        var second = await browser.RedirectOf(await browser.GetAsync(
            (await browser.RedirectOf(await browser.GetAsync("/auth/signin"))).PathAndQuery));
        second.AbsolutePath.ShouldBe("/auth/callback");

        // Logout: the gateway forgets the session and Identity revokes it; the end-session endpoint ends Identity's own.
        (await browser.PostAsync("/api/v1/auth/logout")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var home = await browser.RedirectOf(await browser.GetAsync(
            "/connect/endsession?client_id=crm-gateway&post_logout_redirect_uri=" + Uri.EscapeDataString(fixture.GatewayUrl.TrimEnd('/') + "/")));
        home.ToString().ShouldBe(fixture.GatewayUrl.TrimEnd('/') + "/");
        var afterLogout = await browser.RedirectOf(await browser.GetAsync(
            (await browser.RedirectOf(await browser.GetAsync("/auth/signin"))).PathAndQuery));
        afterLogout.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task Identity_refuses_a_redirect_uri_it_was_not_given_and_the_gateway_a_return_address_elsewhere()
    {
        var browser = new Browser(fixture.GatewayUrl);

        var foreign = await browser.GetAsync("/connect/authorize?client_id=crm-gateway&response_type=code&scope=openid&redirect_uri="
            + Uri.EscapeDataString("https://evil.example/auth/callback") + "&code_challenge=" + new string('a', 43) + "&code_challenge_method=S256&state=x");
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var noPkce = await browser.GetAsync("/connect/authorize?client_id=crm-gateway&response_type=code&scope=openid&redirect_uri="
            + Uri.EscapeDataString(fixture.GatewayUrl.TrimEnd('/') + "/auth/callback") + "&state=x");
        noPkce.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var user = await TestUsers.CreateAsync(fixture);
        var elsewhere = await browser.SignInAsync(user.Email, user.Password, "//evil.example/");
        elsewhere.ShouldBe("/");
    }

    private static string Csrf(string html) => CsrfField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new ShouldAssertException("The page has no antiforgery field.");

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    /// <summary>A browser that follows no redirect by itself, so each step can be looked at.</summary>
    private sealed class Browser(string gatewayUrl)
    {
        private readonly CookieContainer _cookies = new();
        private HttpClient? _client;

        private HttpClient Http => _client ??= new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(gatewayUrl),
        };

        public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Http.GetAsync(pathAndQuery);

        /// <summary>As the web app calls the API: with its cookie and the header that proves it is no cross-site form.</summary>
        public Task<HttpResponseMessage> PostAsync(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
            return Http.SendAsync(request);
        }

        public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
            Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

        public IEnumerable<string> CookieNames() => _cookies.GetAllCookies().Select(c => c.Name);

        public Task<Uri> RedirectOf(HttpResponseMessage response)
        {
            ((int)response.StatusCode).ShouldBeInRange(301, 308, response.RequestMessage?.RequestUri?.ToString());
            var location = response.Headers.Location!;
            return Task.FromResult(location.IsAbsoluteUri ? location : new Uri(new Uri(gatewayUrl), location));
        }

        /// <returns>Where the browser lands after the whole flow (the gateway's last redirect).</returns>
        public async Task<string> SignInAsync(string email, string password, string returnUrl)
        {
            var authorize = await RedirectOf(await GetAsync("/auth/signin?returnUrl=" + Uri.EscapeDataString(returnUrl)));
            var page = await RedirectOf(await GetAsync(authorize.PathAndQuery));
            var html = await (await GetAsync(page.PathAndQuery)).Content.ReadAsStringAsync();
            var back = await RedirectOf(await PostFormAsync("/account/login", ("__csrf", Csrf(html)), ("ReturnUrl", HttpUtility.ParseQueryString(page.Query)["ReturnUrl"]!), ("username", email), ("password", password)));
            var callback = await RedirectOf(await GetAsync(back.PathAndQuery));
            var landed = await RedirectOf(await GetAsync(callback.PathAndQuery));
            return landed.IsAbsoluteUri && landed.Host != new Uri(gatewayUrl).Host ? landed.ToString() : landed.PathAndQuery;
        }
    }
}
