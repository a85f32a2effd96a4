using Crm.AppHost.Dashboard;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

public sealed class DashboardAccessTests
{
    private const int Port = 18888;
    private const string Token = "0123456789abcdef";

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("http://localhost:18888", "same-origin", true)]
    [InlineData("http://127.0.0.1:18888", null, true)]
    [InlineData("http://[::1]:18888", null, true)]
    [InlineData(null, "none", true)]
    [InlineData("http://localhost:8080", null, false)]
    [InlineData("https://localhost:18888", null, false)]
    [InlineData("http://evil.example:18888", null, false)]
    [InlineData("http://localhost.evil.example:18888", null, false)]
    [InlineData("null", null, false)]
    [InlineData(null, "cross-site", false)]
    [InlineData(null, "same-site", false)]
    [InlineData("http://localhost:18888", "cross-site", false)]
    public void Only_the_dashboard_s_own_pages_may_change_things(string? origin, string? fetchSite, bool allowed) =>
        DashboardAccess.IsSameOrigin(origin, fetchSite, Port).ShouldBe(allowed);

    [Theory]
    [InlineData("localhost:18888", true)]
    [InlineData("127.0.0.1:18888", true)]
    [InlineData("[::1]:18888", true)]
    [InlineData("crm.example:18888", false)]
    [InlineData("localhost.example", false)]
    public void Only_loopback_host_names_are_answered(string host, bool allowed) =>
        DashboardAccess.IsLoopbackHost(new HostString(host)).ShouldBe(allowed);

    [Fact]
    public void A_change_needs_the_token_as_bearer_or_cookie()
    {
        var access = new DashboardAccess(Token, Port);

        access.CheckChange(Request()).ShouldNotBeNull();
        access.CheckChange(Request(authorization: "Bearer wrong")).ShouldNotBeNull();
        access.CheckChange(Request(authorization: "Bearer " + Token)).ShouldBeNull();
        access.CheckChange(Request(cookie: $"{access.CookieName}={Token}")).ShouldBeNull();
        access.CheckChange(Request(cookie: $"crm_dashboard_9999={Token}")).ShouldNotBeNull();
    }

    [Fact]
    public void The_token_does_not_help_a_cross_site_request()
    {
        var access = new DashboardAccess(Token, Port);

        var refused = access.CheckChange(Request(authorization: "Bearer " + Token, origin: "https://evil.example"));

        refused.ShouldBeAssignableTo<IStatusCodeHttpResult>()!.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
    }

    private static HttpRequest Request(string? authorization = null, string? cookie = null, string? origin = null)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        return context.Request;
    }
}
