using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// Enumerates every route each service publishes in its OpenAPI document and calls it without
/// credentials: all must answer 401 but the few that are public by design.
/// </summary>
public sealed partial class RouteAuthorizationTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "POST /api/v1/auth/set-password",
        "POST /api/v1/auth/forgot-password",
    };

    public static TheoryData<string> Services => new() { "identity", "sales", "billing", "activities" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_route_refuses_a_caller_without_a_token(string service)
    {
        var routes = await RoutesAsync(service);
        routes.ShouldNotBeEmpty();

        var failures = new List<string>();
        foreach (var (method, path) in routes.Where(r => !Anonymous.Contains($"{r.Method} {r.Path}")))
        {
            foreach (var (client, where) in new[] { (fixture.ServiceClient(service), "service"), (fixture.CreateClient(), "gateway") })
            {
                if (where == "gateway" && !path.StartsWith("/api/v1/", StringComparison.Ordinal))
                {
                    continue; // internal routes are not exposed by the gateway at all
                }

                using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path));
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{where}: {method} {path} answered {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>
    /// Identity's OAuth endpoints (OpenIddict's, not in the OpenAPI document): without client credentials, nothing.
    /// </summary>
    [Theory]
    [InlineData("/connect/token", "grant_type=client_credentials")]
    [InlineData("/connect/token", "grant_type=password&username=a%40b.c&password=x")]
    [InlineData("/connect/token", "grant_type=refresh_token&refresh_token=x")]
    [InlineData("/connect/revoke", "token=x")]
    public async Task The_oauth_endpoints_refuse_a_caller_without_client_credentials(string path, string form)
    {
        foreach (var client in new[] { fixture.ServiceClient("identity"), fixture.CreateClient() })
        {
            var response = await client.PostAsync(path, new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

            ((int)response.StatusCode).ShouldBeOneOf(400, 401);
            ((string?)(await response.ReadJsonAsync())["error"]).ShouldBeOneOf("invalid_client", "invalid_request");
        }
    }

    [Fact]
    public async Task Every_admin_route_refuses_a_user_who_is_not_an_admin()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var admin = (await RoutesAsync("identity")).Where(r => r.Path.StartsWith("/api/v1/admin/", StringComparison.Ordinal)).ToList();
        admin.ShouldContain(("GET", "/api/v1/admin/security-settings"));
        admin.ShouldContain(("PUT", "/api/v1/admin/security-settings"));

        var failures = new List<string>();
        foreach (var (method, path) in admin)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path));
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await fixture.CreateClient().WithBearer(user.Token).SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {path} answered {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>Routes the gateway answers itself (global search fans out to the services' internal routes).</summary>
    public static TheoryData<string> GatewayRoutes => new() { "/api/v1/search?q=acme", "/api/v1/search/recent" };

    [Theory]
    [MemberData(nameof(GatewayRoutes))]
    public async Task Every_gateway_route_refuses_a_caller_without_a_token(string path)
    {
        (await fixture.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.CreateClient().WithBearer("garbage").GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_or_garbage_token_is_refused()
    {
        var admin = await fixture.AdminTokenAsync();
        var parts = admin.Split('.');
        var tampered = $"{parts[0]}.{parts[1].Replace('A', 'B')}.{parts[2]}";

        (await fixture.CreateClient().WithBearer(tampered).GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.CreateClient().WithBearer("garbage").GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_public_routes_are_exactly_the_expected_ones()
    {
        var identity = await RoutesAsync("identity");
        identity.Select(r => $"{r.Method} {r.Path}").Where(Anonymous.Contains).Count().ShouldBe(Anonymous.Count);
        identity.Count.ShouldBeGreaterThanOrEqualTo(10);
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

    private static string Concrete(string path) => RouteParameter().Replace(path, Guid.NewGuid().ToString());

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex RouteParameter();
}
