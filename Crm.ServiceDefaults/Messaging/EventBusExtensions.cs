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

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(connectionString));
                cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }
}
