using Crm.Sales.Apis;
using Crm.Sales.Infrastructure;
using Crm.Sales.Services;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;

namespace Crm.Sales.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SalesDbContext>("salesdb");
        builder.AddUserDirectory();
        builder.Services.AddRecentViews<SalesDbContext, SalesRecentRecords>();
        builder.AddEventBus<SalesDbContext>("sales", bus => bus.AddUserDirectoryConsumer<SalesDbContext>());
        builder.Services.AddScoped<AccountQueries>();
        builder.Services.AddScoped<ContactQueries>();
        builder.Services.AddScoped<OpportunityQueries>();
        builder.Services.AddScoped<LeadConverter>();
        builder.Services.AddScoped<AccountImporter>();
        builder.Services.AddScoped<ContactImporter>();
        builder.Services.AddScoped<LeadImporter>();
        return builder;
    }
}
