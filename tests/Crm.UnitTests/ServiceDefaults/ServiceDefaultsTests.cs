using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

/// <summary>What AddBasicServiceDefaults wires, checked on a host built with it (no Redis or collector running).</summary>
public sealed class ServiceDefaultsTests
{
    // Nothing listens there: Redis is "down".
    private const string UnreachableRedis = "127.0.0.1:1";

    private static HostApplicationBuilder Builder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = UnreachableRedis });
        builder.AddBasicServiceDefaults();
        return builder;
    }

    [Fact]
    public async Task Redis_down_is_an_unhealthy_check_named_redis_with_a_timeout()
    {
        using var host = Builder().Build();

        var registration = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == "redis");
        registration.FailureStatus.ShouldBe(HealthStatus.Unhealthy);
        registration.Timeout.ShouldBe(TimeSpan.FromSeconds(3));

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        report.Entries["redis"].Status.ShouldBe(HealthStatus.Unhealthy);
        report.Entries["self"].Status.ShouldBe(HealthStatus.Healthy);
        report.Status.ShouldBe(HealthStatus.Unhealthy);
    }

    [Theory]
    [InlineData("MassTransit")]
    [InlineData("Npgsql")]
    [InlineData("Crm.Outbox")]
    public void Spans_of_the_instrumented_libraries_are_recorded(string sourceName)
    {
        var builder = Builder();
        var recorded = new RecordedSpans();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(recorded));
        using var host = builder.Build();
        host.Services.GetRequiredService<TracerProvider>();

        using var source = new ActivitySource(sourceName);
        using (var activity = source.StartActivity("probe"))
        {
            activity.ShouldNotBeNull();
        }

        recorded.Spans.ShouldContain(s => s.Source.Name == sourceName && s.DisplayName == "probe");
    }

    [Fact]
    public void Spans_of_sources_nobody_instruments_are_not_recorded()
    {
        using var host = Builder().Build();
        host.Services.GetRequiredService<TracerProvider>();

        using var source = new ActivitySource("Crm.UnitTests.NotInstrumented");
        source.HasListeners().ShouldBeFalse();
    }

    [Theory]
    [InlineData("GET", 4)]
    [InlineData("POST", 1)]
    [InlineData("PUT", 1)]
    [InlineData("DELETE", 1)]
    public async Task HttpClients_retry_only_requests_that_are_safe_to_repeat(string method, int expectedAttempts)
    {
        var builder = Builder();
        var answers = new AlwaysUnavailable();
        builder.Services.AddHttpClient("probe").ConfigurePrimaryHttpMessageHandler(() => answers);
        // No waiting between attempts in a test.
        builder.Services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("probe");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "http://127.0.0.1:1/records"));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        answers.Attempts.ShouldBe(expectedAttempts);
    }

    private sealed class RecordedSpans : BaseProcessor<Activity>
    {
        public List<Activity> Spans { get; } = [];

        public override void OnEnd(Activity data)
        {
            lock (Spans)
            {
                Spans.Add(data);
            }
        }
    }

    private sealed class AlwaysUnavailable : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }
}
