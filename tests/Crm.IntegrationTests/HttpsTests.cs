using System.Net;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>The gateway over HTTPS (CRM_HTTPS_PORT, the self-signed certificate the AppHost generated): HSTS, a Secure session cookie.</summary>
public sealed class HttpsTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task Over_https_the_app_sends_hsts_and_a_secure_session_cookie()
    {
        var user = await TestUsers.CreateAsync(fixture);
        using var browser = fixture.CreateHttpsClient();

        using var page = await browser.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");

        using var login = await browser.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm_session=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("; secure");
        cookie.ShouldContain("httponly");
        (await browser.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Plain_http_from_this_machine_is_served_without_hsts_or_a_secure_cookie()
    {
        var user = await TestUsers.CreateAsync(fixture);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.GatewayUrl) };

        using var page = await browser.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "loopback outside production is not redirected (the tests and a developer use http://localhost)");
        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS only over HTTPS");

        using var login = await browser.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm_session=", StringComparison.Ordinal)).ToLowerInvariant().ShouldNotContain("; secure");
    }

    [Fact]
    public void The_certificate_is_for_localhost_and_not_a_certificate_authority()
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(fixture.GatewayCertificatePath);
        certificate.MatchesHostname("localhost").ShouldBeTrue();
        certificate.MatchesHostname("127.0.0.1").ShouldBeTrue();
        certificate.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeFalse();
        certificate.NotAfter.ShouldBeGreaterThan(DateTime.Now.AddDays(300));
    }
}
