using Crm.Sales.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Infrastructure;

public sealed class SalesDbContext(DbContextOptions<SalesDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<OpportunityLineItem> OpportunityLineItems => Set<OpportunityLineItem>();

    public DbSet<OpportunityContactRole> OpportunityContactRoles => Set<OpportunityContactRole>();

    public DbSet<DirectoryUser> Users => Set<DirectoryUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SalesDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddUserDirectory();
        modelBuilder.AddRecentViews();
        modelBuilder.UseSnakeCaseNames();
    }
}
