using Crm.Gateway.Configuration;
using Crm.Gateway.Routing;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Gateway;

public sealed class RouteTableTests
{
    [Theory]
    [InlineData("/api/v1/accounts")]
    [InlineData("/api/v1/accounts/")]
    [InlineData("/api/v1/accounts/42")]
    [InlineData("/api/v1/accounts/42/contacts")]
    [InlineData("/API/V1/Accounts/42")]
    public void Catch_all_matches_the_resource_and_everything_below_it(string path)
    {
        var table = new RouteTable([new ProxyRoute("accounts", "sales", "/api/v1/accounts/{**catch-all}")]);

        table.Match(new PathString(path), "GET")?.ClusterId.ShouldBe("sales");
    }

    [Theory]
    [InlineData("/api/v1/accountsx")]
    [InlineData("/api/v1/account")]
    [InlineData("/api/v2/accounts")]
    [InlineData("/api/v1")]
    public void Catch_all_does_not_match_neighbouring_paths(string path)
    {
        var table = new RouteTable([new ProxyRoute("accounts", "sales", "/api/v1/accounts/{**catch-all}")]);

        table.Match(new PathString(path), "GET").ShouldBeNull();
    }

    [Fact]
    public void The_more_specific_template_wins_at_equal_order()
    {
        var table = new RouteTable(
        [
            new ProxyRoute("opportunities", "sales", "/api/v1/opportunities/{**catch-all}"),
            new ProxyRoute("generate-order", "billing", "/api/v1/opportunities/{id}/generate-order"),
        ]);

        table.Match(new PathString("/api/v1/opportunities/7/generate-order"), "POST")!.Name.ShouldBe("generate-order");
        table.Match(new PathString("/api/v1/opportunities/7/line_items"), "POST")!.Name.ShouldBe("opportunities");
        table.Match(new PathString("/api/v1/opportunities/7"), "GET")!.Name.ShouldBe("opportunities");
    }

    [Fact]
    public void A_lower_order_wins_over_specificity()
    {
        var table = new RouteTable(
        [
            new ProxyRoute("specific", "sales", "/api/v1/accounts/{id}", order: 0),
            new ProxyRoute("everything", "other", "/api/{**rest}", order: -1),
        ]);

        table.Match(new PathString("/api/v1/accounts/1"), "GET")!.Name.ShouldBe("everything");
    }

    [Fact]
    public void Methods_restrict_a_route_and_a_constrained_route_is_preferred()
    {
        var table = new RouteTable(
        [
            new ProxyRoute("any", "a", "/api/v1/things/{**catch-all}"),
            new ProxyRoute("posts", "b", "/api/v1/things/{**catch-all}", methods: ["post"]),
        ]);

        table.Match(new PathString("/api/v1/things/1"), "POST")!.ClusterId.ShouldBe("b");
        table.Match(new PathString("/api/v1/things/1"), "GET")!.ClusterId.ShouldBe("a");
    }

    [Fact]
    public void A_route_naming_an_unknown_cluster_fails_at_start_up()
    {
        var options = new ReverseProxyOptions();
        options.Routes["broken"] = new RouteConfig { ClusterId = "nowhere", Match = new RouteMatch { Path = "/api/{**x}" } };

        Should.Throw<InvalidOperationException>(() => RouteTable.FromConfig(options)).Message.ShouldContain("nowhere");
    }

    [Fact]
    public void Routes_take_bodies_up_to_the_services_limit_unless_configured()
    {
        var options = new ReverseProxyOptions();
        options.Clusters["sales"] = new ClusterConfig();
        options.Routes["accounts"] = new RouteConfig { ClusterId = "sales", Match = new RouteMatch { Path = "/api/v1/accounts/{**x}" } };
        options.Routes["import"] = new RouteConfig { ClusterId = "sales", Match = new RouteMatch { Path = "/api/v1/accounts/import" }, MaxRequestBodySize = 5_000_000 };
        options.Routes["stream"] = new RouteConfig { ClusterId = "sales", Match = new RouteMatch { Path = "/api/v1/stream" }, MaxRequestBodySize = -1 };

        var table = RouteTable.FromConfig(options);

        table.Match(new PathString("/api/v1/accounts/1"), "PUT")!.MaxRequestBodySize.ShouldBe(Crm.ServiceDefaults.Http.RequestLimits.MaxBodyBytes);
        table.Match(new PathString("/api/v1/accounts/import"), "POST")!.MaxRequestBodySize.ShouldBe(5_000_000);
        table.Match(new PathString("/api/v1/stream"), "POST")!.MaxRequestBodySize.ShouldBeNull();
    }
}
