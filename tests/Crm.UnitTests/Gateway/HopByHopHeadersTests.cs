using Crm.Gateway.Forwarding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Gateway;

public sealed class HopByHopHeadersTests
{
    private static readonly IReadOnlySet<string> NoneListed = new HashSet<string>();

    [Theory]
    [InlineData("Connection")]
    [InlineData("keep-alive")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Proxy-Authenticate")]
    [InlineData("Proxy-Connection")]
    [InlineData("TE")]
    [InlineData("Trailer")]
    [InlineData("transfer-encoding")]
    [InlineData("Upgrade")]
    public void Fixed_hop_by_hop_headers_are_dropped(string name) =>
        HopByHopHeaders.IsHopByHop(name, NoneListed).ShouldBeTrue();

    [Theory]
    [InlineData("Authorization")]
    [InlineData("Content-Type")]
    [InlineData("Accept")]
    [InlineData("traceparent")]
    [InlineData("X-Requested-With")]
    public void End_to_end_headers_pass(string name) =>
        HopByHopHeaders.IsHopByHop(name, NoneListed).ShouldBeFalse();

    [Fact]
    public void Headers_named_by_Connection_are_dropped_too()
    {
        var listed = HopByHopHeaders.ListedIn(new StringValues(["close, X-Private", "x-other"]));

        HopByHopHeaders.IsHopByHop("X-Private", listed).ShouldBeTrue();
        HopByHopHeaders.IsHopByHop("X-OTHER", listed).ShouldBeTrue();
        HopByHopHeaders.IsHopByHop("X-Public", listed).ShouldBeFalse();
    }

    [Fact]
    public void A_forwarded_request_keeps_end_to_end_headers_only()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("crm.example");
        context.Request.Path = "/api/v1/accounts";
        context.Request.QueryString = new QueryString("?q=a%20b&page=2");
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("::ffff:10.1.2.3");
        var headers = context.Request.Headers;
        headers.Connection = "X-Secret";
        headers["X-Secret"] = "1";
        headers.KeepAlive = "timeout=5";
        headers.Cookie = "crm_session=abc";
        headers.Authorization = "Bearer t";
        headers["X-Forwarded-For"] = "6.6.6.6";
        headers.Accept = "application/json";

        using var request = HttpForwarder.CreateRequest(context, new Uri("http://127.0.0.1:5001/"), body: null);

        request.RequestUri!.AbsoluteUri.ShouldBe("http://127.0.0.1:5001/api/v1/accounts?q=a%20b&page=2");
        request.Headers.Contains("X-Secret").ShouldBeFalse();
        request.Headers.Contains("Keep-Alive").ShouldBeFalse();
        request.Headers.Contains("Connection").ShouldBeFalse();
        request.Headers.Contains("Cookie").ShouldBeFalse();
        request.Headers.Authorization!.ToString().ShouldBe("Bearer t");
        request.Headers.GetValues("X-Forwarded-For").ShouldBe(["10.1.2.3"]);
        request.Headers.GetValues("X-Forwarded-Proto").ShouldBe(["https"]);
        request.Headers.GetValues("X-Forwarded-Host").ShouldBe(["crm.example"]);
        request.Headers.Host.ShouldBeNull();
        request.Headers.Accept.ToString().ShouldBe("application/json");
    }
}
