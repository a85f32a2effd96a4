using Crm.Activities.Apis;
using Crm.Activities.Infrastructure;
using Crm.Activities.Services;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;

namespace Crm.Activities.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ActivitiesDbContext>("activitiesdb");
        builder.AddUserDirectory();
        builder.Services.AddRecentViews<ActivitiesDbContext, ActivitiesRecentRecords>();
        builder.AddRecordDirectory();
        builder.AddEventBus<ActivitiesDbContext>("activities", bus =>
        {
            bus.AddUserDirectoryConsumer<ActivitiesDbContext>();
            bus.AddAccountDirectoryConsumer<ActivitiesDbContext>();
            bus.AddContactDirectoryConsumer<ActivitiesDbContext>();
            bus.AddLeadDirectoryConsumer<ActivitiesDbContext>();
            bus.AddOpportunityDirectoryConsumer<ActivitiesDbContext>();
            bus.AddOrderDirectoryConsumer<ActivitiesDbContext>();
        });
        builder.Services.AddScoped<ActivityQueries>();
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddScoped<RecordLinks>();
        return builder;
    }
}
