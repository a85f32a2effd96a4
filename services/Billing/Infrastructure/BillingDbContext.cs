using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Infrastructure;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options)
{
    public DbSet<DirectoryUser> Users => Set<DirectoryUser>();

    public DbSet<DirectoryRecord> Records => Set<DirectoryRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddUserDirectory();
        modelBuilder.AddRecordDirectory();
        modelBuilder.UseSnakeCaseNames();
    }
}
