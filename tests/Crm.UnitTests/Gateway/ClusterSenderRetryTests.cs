using System.Net;
using System.Text;
using Crm.Gateway.Configuration;
using Crm.Gateway.Forwarding;
using Crm.Gateway.LoadBalancing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Gateway;

/// <summary>
/// The gateway resends a request to another replica only when resending cannot do the work twice:
/// GET, HEAD, or a request with an Idempotency-Key (the service answers a repeat from its stored answer).
/// </summary>
public sealed class ClusterSenderRetryTests
{
    private const string Body = """{"amount":"10.00","payment_method":"Cash"}""";

    [Theory]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    public async Task An_idempotent_request_goes_to_the_other_replica_when_the_first_refuses_the_connection(string method, bool keyed)
    {
        var services = new FakeReplicas(first: Refuse);

        using var result = await services.SendAsync(Request(method, keyed ? "key-1" : null, withBody: keyed));

        result.Response!.StatusCode.ShouldBe(HttpStatusCode.Created);
        services.Calls.Select(c => c.Replica).ShouldBe([5001, 5002]);
        if (keyed)
        {
            services.Calls.ShouldAllBe(c => c.Body == Body && c.Key == "key-1" && c.ContentType == "application/json");
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task A_write_without_a_key_is_never_resent(string method)
    {
        var services = new FakeReplicas(first: Refuse);

        using var result = await services.SendAsync(Request(method, key: null, withBody: true));

        services.Calls.Count.ShouldBe(1);
        result.Response.ShouldBeNull();
        (await StatusOf(result)).ShouldBe(StatusCodes.Status502BadGateway);
    }

    [Fact]
    public async Task A_keyed_write_whose_replica_died_mid_request_is_resent_with_the_same_body_and_key()
    {
        var services = new FakeReplicas(first: BreakOff);

        using var result = await services.SendAsync(Request("POST", "key-2", withBody: true));

        result.Response!.StatusCode.ShouldBe(HttpStatusCode.Created);
        services.Calls.Select(c => (c.Replica, c.Key, c.Body)).ShouldBe([(5001, "key-2", Body), (5002, "key-2", Body)]);
    }

    [Fact]
    public async Task A_bare_write_whose_replica_died_mid_request_is_answered_502_not_resent()
    {
        var services = new FakeReplicas(first: BreakOff);

        using var result = await services.SendAsync(Request("POST", key: null, withBody: true));

        services.Calls.Count.ShouldBe(1);
        (await StatusOf(result)).ShouldBe(StatusCodes.Status502BadGateway);
    }

    [Fact]
    public async Task With_a_single_replica_a_keyed_write_that_broke_off_is_answered_502_for_the_client_to_retry()
    {
        var services = new FakeReplicas(first: BreakOff, replicas: 1);

        using var result = await services.SendAsync(Request("POST", "key-3", withBody: true));

        services.Calls.Count.ShouldBe(1);
        (await StatusOf(result)).ShouldBe(StatusCodes.Status502BadGateway);
    }

    [Fact]
    public void Only_safe_methods_and_keyed_requests_count_as_idempotent()
    {
        ClusterSender.IsIdempotent(Request("GET", null, false).Request).ShouldBeTrue();
        ClusterSender.IsIdempotent(Request("POST", null, true).Request).ShouldBeFalse();
        ClusterSender.IsIdempotent(Request("POST", "k", true).Request).ShouldBeTrue();
        ClusterSender.IsIdempotent(Request("DELETE", null, false).Request).ShouldBeFalse();
    }

    private static Exception Refuse() => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");

    private static Exception BreakOff() => new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

    private static DefaultHttpContext Request(string method, string? key, bool withBody)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = "/api/v1/orders/1/payments";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        if (key is not null)
        {
            context.Request.Headers[ClusterSender.IdempotencyKeyHeader] = key;
        }

        if (withBody)
        {
            var bytes = Encoding.UTF8.GetBytes(Body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        return context;
    }

    private static async Task<int> StatusOf(ProxyResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        await result.Problem!.ExecuteAsync(context);
        return context.Response.StatusCode;
    }

    /// <summary>Two (or one) replicas behind a fake network: the first fails as told, the others answer 201.</summary>
    private sealed class FakeReplicas(Func<Exception> first, int replicas = 2) : HttpMessageHandler
    {
        private readonly ClusterState _cluster = new(
            "billing",
            Enumerable.Range(1, replicas).Select(i => new DestinationState($"billing-{i}", new Uri($"http://127.0.0.1:{5000 + i}/"))).ToList(),
            new ActiveHealthCheckSettings(true, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), "/health"));

        public List<(int Replica, string? Key, string Body, string? ContentType)> Calls { get; } = [];

        public Task<ProxyResult> SendAsync(HttpContext context)
        {
            var forwarder = new HttpForwarder(new HttpClient(this), Options.Create(new GatewayOptions()));
            return new ClusterSender(forwarder, TimeProvider.System, NullLogger<ClusterSender>.Instance).SendAsync(context, _cluster);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var key = request.Headers.TryGetValues(ClusterSender.IdempotencyKeyHeader, out var keys) ? keys.Single() : null;
            Calls.Add((request.RequestUri!.Port, key, body, request.Content?.Headers.ContentType?.MediaType));
            if (request.RequestUri.Port == 5001)
            {
                throw first();
            }

            return new HttpResponseMessage(HttpStatusCode.Created);
        }
    }
}
