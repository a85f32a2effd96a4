using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crm.Testing;
using OtpNet;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// An admin requires two-factor sign-in for everyone: a user without it gets a session that may only enrol (403
/// everywhere else, in every service) and becomes a full one once enrolled. Disruptive: the setting holds for every
/// sign-in while it is on, so no other test may sign in meanwhile.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed partial class TwoFactorRequirementTests(CrmFixture fixture)
{
    /// <summary>What a session limited to enrolment may call (beside the anonymous routes).</summary>
    private static readonly HashSet<string> AllowedDuringEnrolment = new(StringComparer.Ordinal)
    {
        "GET /api/v1/auth/me",
        "POST /api/v1/auth/logout",
        "GET /api/v1/auth/mfa",
        "POST /api/v1/auth/mfa/setup",
        "POST /api/v1/auth/mfa/enable",
    };

    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "POST /api/v1/auth/set-password",
        "POST /api/v1/auth/forgot-password",
    };

    [Fact]
    public async Task A_user_without_two_factors_gets_a_session_that_may_only_enrol_until_they_do()
    {
        // Users and the admin's token before the requirement: the admin has no authenticator either.
        var adminToken = await fixture.AdminTokenAsync();
        var admin = fixture.CreateClient().WithBearer(adminToken);
        var newcomer = await TestUsers.CreateAsync(fixture);
        var other = await TestUsers.CreateAsync(fixture);
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);

        await SetRequiredAsync(admin, true);
        try
        {
            // As the browser does: a cookie session through the gateway.
            var browser = fixture.CreateClient();
            browser.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
            var login = await TwoFactor.LoginAsync(browser, newcomer.Email, newcomer.Password);
            login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
            (await login.ReadJsonAsync())["mfa_enrolment_required"]!.GetValue<bool>().ShouldBeTrue();

            (await browser.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await browser.GetAsync("/api/v1/orders")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await browser.GetAsync("/api/v1/activities")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await browser.PostJsonAsync("/api/v1/auth/change-password", new { current_password = newcomer.Password, new_password = "Another2Crm" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var me = await (await browser.GetAsync("/api/v1/auth/me")).ReadJsonAsync();
            me["mfa_enrolment_required"]!.GetValue<bool>().ShouldBeTrue();
            (await (await browser.GetAsync("/api/v1/auth/mfa")).ReadJsonAsync())["required_for_everyone"]!.GetValue<bool>().ShouldBeTrue();

            var secret = await TwoFactor.SetUpAsync(browser);
            var enable = await browser.PostJsonAsync("/api/v1/auth/mfa/enable", new { code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow) });
            enable.StatusCode.ShouldBe(HttpStatusCode.OK, await enable.Content.ReadAsStringAsync());
            var enabled = await enable.ReadJsonAsync();
            enabled["recovery_codes"]!.AsArray().Count.ShouldBe(10);
            enabled["session_upgraded"]!.GetValue<bool>().ShouldBeTrue();
            enabled["refresh_token"].ShouldBeNull(); // kept at the gateway, as at login

            // The gateway swapped the browser's session for the full one.
            (await browser.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await (await browser.GetAsync("/api/v1/auth/me")).ReadJsonAsync())["mfa_enrolment_required"]!.GetValue<bool>().ShouldBeFalse();

            // Someone who already has an authenticator signs in as before, with a code.
            var full = await TwoFactor.LoginAsync(fixture.CreateClient(), enrolled.User.Email, enrolled.User.Password, otp: enrolled.NextCode());
            full.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await full.ReadJsonAsync())["mfa_enrolment_required"]!.GetValue<bool>().ShouldBeFalse();

            // Every route of every service refuses the limited session but the enrolment ones.
            var limited = (await (await TwoFactor.LoginAsync(fixture.CreateClient(), other.Email, other.Password)).ReadJsonAsync()).Str("token");
            var failures = new List<string>();
            foreach (var service in new[] { "identity", "sales", "billing", "activities" })
            {
                foreach (var (method, path) in await RoutesAsync(service))
                {
                    var route = $"{method} {path}";
                    if (Anonymous.Contains(route) || AllowedDuringEnrolment.Contains(route))
                    {
                        continue;
                    }

                    using var request = new HttpRequestMessage(new HttpMethod(method), RouteParameter().Replace(path, Guid.NewGuid().ToString()));
                    if (method is "POST" or "PUT")
                    {
                        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    }

                    var response = await fixture.ServiceClient(service).WithBearer(limited).SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{service}: {route} answered {(int)response.StatusCode}");
                    }
                }
            }

            failures.ShouldBeEmpty();
        }
        finally
        {
            await SetRequiredAsync(admin, false);
        }

        // Without the requirement the same user signs in fully again.
        var after = await TwoFactor.LoginAsync(fixture.CreateClient(), other.Email, other.Password);
        (await after.ReadJsonAsync())["mfa_enrolment_required"]!.GetValue<bool>().ShouldBeFalse();
    }

    private static async Task SetRequiredAsync(HttpClient admin, bool required)
    {
        var current = await (await admin.GetAsync("/api/v1/admin/security-settings")).ReadJsonAsync();
        var response = await admin.PutJsonAsync("/api/v1/admin/security-settings", new { require_two_factor = required, version = current.Int("version") });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync())["require_two_factor"]!.GetValue<bool>().ShouldBe(required);
    }

    private async Task<List<(string Method, string Path)>> RoutesAsync(string service)
    {
        var document = await (await fixture.ServiceClient(service).GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var routes = new List<(string, string)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, _) in item!.AsObject())
            {
                routes.Add((method.ToUpperInvariant(), path.TrimEnd('/') is { Length: > 0 } p ? p : "/"));
            }
        }

        return routes;
    }

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex RouteParameter();
}
