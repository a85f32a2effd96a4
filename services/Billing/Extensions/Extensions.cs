using Crm.Billing.Apis;
using Crm.Billing.Infrastructure;
using Crm.Billing.IntegrationEvents;
using Crm.Billing.Services;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;

namespace Crm.Billing.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BillingDbContext>("billingdb");
        builder.AddUserDirectory();
        builder.Services.AddRecentViews<BillingDbContext, BillingRecentRecords>();
        builder.AddRecordDirectory();
        builder.AddEventBus<BillingDbContext>("billing", bus =>
        {
            bus.AddUserDirectoryConsumer<BillingDbContext>();
            bus.AddAccountDirectoryConsumer<BillingDbContext>();
            bus.AddConsumer<WonDealConsumer>();
        });
        builder.Services.AddSingleton<IDirectoryReconciler, WonDealReconciler>();
        builder.Services.AddScoped<OrderQueries>();
        builder.Services.AddScoped<OrderGenerator>();
        builder.Services.AddScoped<OrderLedger>();
        builder.Services.AddScoped<ContractGenerator>();
        return builder;
    }
}
