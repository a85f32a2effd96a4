using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Lists;
using Crm.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database: EF Core context (Aspire's pooled Npgsql context, with its
    /// tracing and metrics), health check, and the SQL files in the service's Infrastructure/Migrations
    /// (plus the shared outbox/inbox, idempotency-key and list-count-generation objects) applied at start.
    /// Call before AddEventBus so the schema exists before consumers and the dispatcher start.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(connectionName)))
        {
            throw new InvalidOperationException($"Connection string '{connectionName}' is missing (ConnectionStrings__{connectionName}).");
        }

        // A pooled context's options are built once, outside any scope: hand it the one instance.
        var outboxSignal = new OutboxSignal();
        builder.Services.AddSingleton(outboxSignal);
        builder.AddNpgsqlDbContext<TContext>(
            connectionName,
            settings =>
            {
                // EF's retrying execution strategy refuses user-initiated transactions, and we open them
                // on purpose (DbTransactionScope, idempotency keys, the outbox, generators). A request that
                // meets a database outage answers 503 with Retry-After instead (DatabaseUnavailable).
                settings.DisableRetry = true;
                // Registered below under our own name, with the severity /health documents.
                settings.DisableHealthChecks = true;
            },
            options => options.AddInterceptors(outboxSignal, new ListCountGeneration()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database");

        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton(new MigrationSource(0, () => PlatformScripts("0000_").Concat(PlatformScripts("0004_")).Concat(PlatformScripts("0005_"))));
        builder.Services.AddSingleton(new MigrationSource(10, () =>
            MigrationScript.FromAssembly(typeof(TContext).Assembly, "Infrastructure/Migrations", "service")));
        builder.Services.AddHostedService<MigrationHostedService<TContext>>();
        builder.AddIdempotencyKeys<TContext>();
        return builder;
    }

    internal static IEnumerable<MigrationScript> PlatformScripts(string filePrefix) =>
        MigrationScript.FromAssembly(typeof(DatabaseExtensions).Assembly, "Migrations", "platform")
            .Where(s => s.Id.StartsWith("platform/" + filePrefix, StringComparison.Ordinal));
}
