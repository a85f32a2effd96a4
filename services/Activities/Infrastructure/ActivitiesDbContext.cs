using Crm.Activities.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Infrastructure;

public sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options) : DbContext(options)
{
    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<DirectoryUser> Users => Set<DirectoryUser>();

    public DbSet<DirectoryRecord> Records => Set<DirectoryRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ActivitiesDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddUserDirectory();
        modelBuilder.AddRecentViews();
        modelBuilder.AddRecordDirectory();
        modelBuilder.UseSnakeCaseNames();
    }
}
