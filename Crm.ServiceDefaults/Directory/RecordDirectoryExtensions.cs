using Crm.Contracts.Billing;
using Crm.Contracts.Sales;
using Crm.ServiceDefaults.Data;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Directory;

public static class RecordDirectoryExtensions
{
    /// <summary>Adds the directory_records table (migrations) for a service that keeps copies of other services' records.</summary>
    public static IHostApplicationBuilder AddRecordDirectory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new MigrationSource(2, () =>
            DatabaseExtensions.PlatformScripts("0002_").Concat(DatabaseExtensions.PlatformScripts("0003_"))));
        return builder;
    }

    // Each directory consumer comes with the reconciler that rebuilds the same rows from the owner's API.
    public static void AddAccountDirectoryConsumer<TContext>(this IBusRegistrationConfigurator bus)
        where TContext : DbContext
    {
        bus.AddConsumer<AccountDirectoryConsumer<TContext>>();
        bus.AddRecordReconciler<TContext, AccountSnapshot>(DirectorySource.Accounts, AccountDirectoryConsumer<TContext>.Entry);
    }

    public static void AddContactDirectoryConsumer<TContext>(this IBusRegistrationConfigurator bus)
        where TContext : DbContext
    {
        bus.AddConsumer<ContactDirectoryConsumer<TContext>>();
        bus.AddRecordReconciler<TContext, ContactSnapshot>(DirectorySource.Contacts, ContactDirectoryConsumer<TContext>.Entry);
    }

    public static void AddLeadDirectoryConsumer<TContext>(this IBusRegistrationConfigurator bus)
        where TContext : DbContext
    {
        bus.AddConsumer<LeadDirectoryConsumer<TContext>>();
        bus.AddRecordReconciler<TContext, LeadSnapshot>(DirectorySource.Leads, LeadDirectoryConsumer<TContext>.Entry);
    }

    public static void AddOpportunityDirectoryConsumer<TContext>(this IBusRegistrationConfigurator bus)
        where TContext : DbContext
    {
        bus.AddConsumer<OpportunityDirectoryConsumer<TContext>>();
        bus.AddRecordReconciler<TContext, OpportunitySnapshot>(DirectorySource.Opportunities, OpportunityDirectoryConsumer<TContext>.Entry);
    }

    public static void AddOrderDirectoryConsumer<TContext>(this IBusRegistrationConfigurator bus)
        where TContext : DbContext
    {
        bus.AddConsumer<OrderDirectoryConsumer<TContext>>();
        bus.AddRecordReconciler<TContext, OrderSnapshot>(DirectorySource.Orders, OrderDirectoryConsumer<TContext>.Entry);
    }

    private static void AddRecordReconciler<TContext, TSnapshot>(this IBusRegistrationConfigurator bus, DirectorySource source, Func<TSnapshot, DirectoryEntry> entry)
        where TContext : DbContext =>
        bus.AddSingleton<IDirectoryReconciler>(new RecordDirectoryReconciler<TContext, TSnapshot>(source, entry));

    public static ModelBuilder AddRecordDirectory(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DirectoryRecord>(b =>
        {
            b.ToTable("directory_records");
            b.HasKey(r => new { r.RecordType, r.Id });
            // Same reason as for users: concurrent consumers must not interleave column by column.
            b.Property(r => r.Version).IsConcurrencyToken();
        });
        return modelBuilder;
    }

    /// <summary>Service-internal (not routed by the gateway): what this service knows of another service's record.</summary>
    public static IEndpointRouteBuilder MapRecordDirectoryApi<TContext>(this IEndpointRouteBuilder app)
        where TContext : DbContext
    {
        // Through a Delegate variable: the route analyzer cannot follow a generic method group.
        Delegate handler = GetRecordAsync<TContext>;
        app.MapGet("/internal/v1/directory/records/{recordType}/{id:guid}", handler).WithTags("Directory");
        return app;
    }

    public static async Task<Results<Ok<DirectoryRecord>, NotFound>> GetRecordAsync<TContext>(string recordType, Guid id, TContext db, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var record = await db.Set<DirectoryRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.RecordType == recordType && r.Id == id, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(record);
    }
}
