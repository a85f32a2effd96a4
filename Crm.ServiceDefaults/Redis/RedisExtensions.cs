using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Crm.ServiceDefaults.Redis;

public static class RedisExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>One multiplexer per process, connected lazily so a service starts even while Redis is down.</summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            return ConnectionMultiplexer.Connect(options);
        });
        return builder;
    }
}
