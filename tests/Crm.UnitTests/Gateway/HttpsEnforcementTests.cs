using System.Net;
using Crm.Gateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Crm.UnitTests.Gateway;

/// <summary>
/// The gateway's HTTPS rules over real HTTP on loopback, per environment: production redirects every plain request
/// (308 to the HTTPS port, query kept); Development and Testing leave a client on this machine on plain HTTP.
/// </summary>
public sealed class HttpsEnforcementTests
{
    private const int HttpsPort = 8443;

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    [InlineData("Testing", false)]
    public async Task Plain_http_from_loopback_is_redirected_only_in_production_like_environments(string environment, bool redirected)
    {
        await using var app = await StartAsync(environment);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await client.PostAsync("/api/v1/accounts?q=a%20b", null);

        if (redirected)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect, "308: a POST stays a POST");
            response.Headers.Location!.AbsoluteUri.ShouldBe($"https://127.0.0.1:{HttpsPort}/api/v1/accounts?q=a%20b");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is never sent over plain HTTP");
    }

    [Fact]
    public async Task Without_an_https_port_nothing_is_redirected()
    {
        await using var app = await StartAsync("Production", httpsPort: null);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.Single()) };

        (await client.PostAsync("/api/v1/accounts", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<WebApplication> StartAsync(string environment, int? httpsPort = HttpsPort)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddHttpsEnforcement(httpsPort);
        var app = builder.Build();
        app.UseHttpsEnforcement(httpsPort);
        app.MapPost("/api/v1/accounts", () => Results.Ok());
        await app.StartAsync();
        return app;
    }
}
