using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.ServiceDefaults.RecentViews;

public static class RecentViewsExtensions
{
    /// <summary>Registers the recent_views log on the service's database (its migration creates the table).</summary>
    public static IServiceCollection AddRecentViews<TContext, TSource>(this IServiceCollection services)
        where TContext : DbContext
        where TSource : class, IRecentRecordSource
    {
        services.AddScoped(sp => new RecentViewLog(sp.GetRequiredService<TContext>(), sp.GetRequiredService<ILogger<RecentViewLog>>()));
        services.AddScoped<IRecentRecordSource, TSource>();
        return services;
    }

    public static ModelBuilder AddRecentViews(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RecentView>(b =>
        {
            b.ToTable("recent_views");
            b.HasKey(v => new { v.UserId, v.RecordType, v.RecordId });
        });
        return modelBuilder;
    }
}
