using System.Diagnostics;
using Crm.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

/// <summary>
/// An event the outbox publishes after its request ended is consumed in that request's trace: the row keeps the
/// traceparent, the dispatcher's span continues it, and MassTransit carries it in the message headers (the same
/// headers over RabbitMQ as over the in-memory transport used here).
/// </summary>
public sealed class OutboxTraceTests
{
    public sealed record TracedEvent(Guid Id);

    private sealed class TraceOfConsume
    {
        public TaskCompletionSource<ActivityTraceId> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class TracedEventConsumer(TraceOfConsume trace) : IConsumer<TracedEvent>
    {
        public Task Consume(ConsumeContext<TracedEvent> context)
        {
            trace.Seen.TrySetResult(Activity.Current?.TraceId ?? default);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_consumer_runs_in_the_trace_of_the_request_that_raised_the_event()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "MassTransit" or OutboxDispatcherTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var trace = new TraceOfConsume();
        var services = new ServiceCollection()
            .AddSingleton(trace)
            .AddMassTransit(x =>
            {
                x.AddConsumer<TracedEventConsumer>();
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            })
            .BuildServiceProvider();
        var bus = services.GetRequiredService<IBusControl>();
        await bus.StartAsync(CancellationToken.None);
        try
        {
            var message = new TracedEvent(Guid.NewGuid());
            OutboxMessage row;
            ActivityTraceId requestTrace;
            using (var request = new Activity("POST /api/v1/opportunities/{id}/close-won").Start())
            {
                requestTrace = request.TraceId;
                row = OutboxMessage.Create(message, "{}", DateTime.UtcNow);
            }

            row.TraceParent.ShouldNotBeNull();
            Activity.Current.ShouldBeNull();
            using (OutboxDispatcherTelemetry.StartPublish(row))
            {
                await bus.Publish(message, CancellationToken.None);
            }

            var consumedIn = await trace.Seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
            consumedIn.ShouldBe(requestTrace);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
