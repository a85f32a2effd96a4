using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Messaging;

public static class EventBusExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// MassTransit over RabbitMQ, plus the dispatcher that publishes the service's outbox.
    /// Queue names are prefixed with the service name, so every service gets its own copy of an
    /// event while the replicas of one service share (compete on) one queue.
    /// </summary>
    public static IHostApplicationBuilder AddEventBus<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing (ConnectionStrings__{ConnectionName}).");
        var retries = RetrySchedule.FromConfiguration(builder.Configuration[RetrySchedule.ConfigurationKey]);

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(connectionString));
                // In-process retries keep the delivery unacknowledged: the broker gives it to another
                // replica (or this one after a restart) if the process dies mid-schedule. What still
                // fails after the whole schedule lands in <queue>_error (./crm events lists and redrives it).
                cfg.UseMessageRetry(r => r.Intervals([.. retries.Intervals]));
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // On shutdown a consumer still retrying is cancelled (not waited for up to the whole
            // schedule): its delivery is handed back to the broker unacknowledged, and applied later
            // by another replica or after the restart. A cancelled delivery never goes to the error queue.
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(3);
            o.StopTimeout = TimeSpan.FromSeconds(8);
        });
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }
}
