using Crm.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Directory;

public static class UserDirectoryExtensions
{
    /// <summary>Adds the directory_users table (migration) for a service that keeps a copy of Identity's users.</summary>
    public static IHostApplicationBuilder AddUserDirectory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new MigrationSource(1, () => DatabaseExtensions.PlatformScripts("0001_")));
        return builder;
    }

    public static void AddUserDirectoryConsumer<TContext>(this IBusRegistrationConfigurator bus)
        where TContext : DbContext
    {
        bus.AddConsumer<UserDirectoryConsumer<TContext>>();
        // The consumer's rows can be rebuilt from Identity's API (./crm events reconcile).
        bus.AddSingleton<IDirectoryReconciler>(new UserDirectoryReconciler<TContext>());
    }

    public static ModelBuilder AddUserDirectory(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DirectoryUser>(b =>
        {
            b.ToTable("directory_users");
            b.HasKey(u => u.Id);
            b.Property(u => u.Id).ValueGeneratedNever();
            // Consumers run concurrently: two updates of one user must not interleave column by
            // column. The loser fails, its transaction (inbox row included) rolls back, and the
            // bus retries it against the newer copy.
            b.Property(u => u.Version).IsConcurrencyToken();
            b.Ignore(u => u.FullName);
        });
        return modelBuilder;
    }
}

public static class UserNames
{
    /// <summary>"First Last" of each known user among <paramref name="ids"/> (owners, editors), from the local directory.</summary>
    public static Task<Dictionary<Guid, string>> UserNamesAsync(this DbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return db.Set<DirectoryUser>().AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.FirstName + " " + u.LastName).Trim(), cancellationToken);
    }
}
