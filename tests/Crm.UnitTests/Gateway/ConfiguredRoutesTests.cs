using Crm.Gateway.Configuration;
using Crm.Gateway.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Gateway;

/// <summary>The route table in gateway/appsettings.json assigns every path as API.md does.</summary>
public sealed class ConfiguredRoutesTests
{
    private static readonly Lazy<RouteTable> Table = new(Load);

    [Theory]
    [InlineData("POST", "/api/v1/auth/login", "identity")]
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
    [InlineData("POST", "/api/v1/orders/1/payments", "billing")]
    [InlineData("PUT", "/api/v1/payments/1", "billing")]
    [InlineData("POST", "/api/v1/contracts/1/payments", "billing")]
    [InlineData("GET", "/api/v1/reports/retainer-payments", "billing")]
    [InlineData("GET", "/api/v1/activities", "activities")]
    [InlineData("PUT", "/api/v1/cases/2", "activities")]
    public void Each_public_path_goes_to_its_owning_service(string method, string path, string cluster)
    {
        Table.Value.Match(new PathString(path), method)?.ClusterId.ShouldBe(cluster);
    }

    [Theory]
    [InlineData("/api/v1/health")]
    [InlineData("/api/v1/unknown")]
    [InlineData("/api/v2/accounts")]
    public void Other_paths_have_no_route(string path)
    {
        Table.Value.Match(new PathString(path), "GET").ShouldBeNull();
    }

    private static RouteTable Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "gateway", "appsettings.json")))
        {
            dir = dir.Parent;
        }

        dir.ShouldNotBeNull("gateway/appsettings.json not found above the test output folder");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(dir.FullName, "gateway", "appsettings.json"))
            .Build();
        var options = configuration.GetSection(ReverseProxyOptions.SectionName).Get<ReverseProxyOptions>()!;
        return RouteTable.FromConfig(options);
    }
}
