using Crm.Billing.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Infrastructure;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options)
{
    public DbSet<WonDeal> WonDeals => Set<WonDeal>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLineItem> OrderLineItems => Set<OrderLineItem>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<DirectoryUser> Users => Set<DirectoryUser>();

    public DbSet<DirectoryRecord> Records => Set<DirectoryRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddUserDirectory();
        modelBuilder.AddRecentViews();
        modelBuilder.AddRecordDirectory();
        modelBuilder.UseSnakeCaseNames();
    }
}
