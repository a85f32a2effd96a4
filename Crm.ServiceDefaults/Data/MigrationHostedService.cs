using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.ServiceDefaults.Data;

/// <summary>Migrates the service's database before the server starts listening.</summary>
public sealed class MigrationHostedService<TContext>(
    IServiceProvider services,
    MigrationRunner runner,
    IEnumerable<MigrationSource> sources,
    ILogger<MigrationHostedService<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<TContext>().Database.GetConnectionString()!;
        var scripts = sources.OrderBy(s => s.Order).SelectMany(s => s.Scripts()).ToList();
        // The database may still be starting (a restart after a crash): retry briefly before giving up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await runner.ApplyAsync(connectionString, scripts, cancellationToken);
                return;
            }
            catch (Npgsql.NpgsqlException ex) when (attempt < 10 && ex.IsTransient)
            {
                logger.LogWarning(ex, "Database not reachable yet (attempt {Attempt})", attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A set of migration scripts contributed by the service or by a shared feature (outbox, user directory).</summary>
public sealed record MigrationSource(int Order, Func<IEnumerable<MigrationScript>> Load)
{
    public IEnumerable<MigrationScript> Scripts() => Load();
}
