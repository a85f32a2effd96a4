using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.AppHost.Hosting;

/// <summary>Something that follows Aspire's resource notifications for the whole run.</summary>
public interface IResourceWatcher
{
    Task WatchAsync(CancellationToken stoppingToken);
}

public static class ResourceWatcherExtensions
{
    /// <summary>
    /// Starts <typeparamref name="T"/> before the resources start. A hosted service would start only after
    /// Aspire's own hosted services, which start the resources and wait for them: it would miss a crash at start.
    /// </summary>
    public static IDistributedApplicationBuilder AddResourceWatcher<T>(this IDistributedApplicationBuilder builder)
        where T : class, IResourceWatcher
    {
        builder.Services.AddSingleton<T>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = e.Services.GetRequiredService<T>().WatchAsync(stopping);
            return Task.CompletedTask;
        });
        return builder;
    }
}
