using Crm.Activities.Infrastructure;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Messaging;

namespace Crm.Activities.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ActivitiesDbContext>("activitiesdb");
        builder.AddUserDirectory();
        builder.AddRecordDirectory();
        builder.AddEventBus<ActivitiesDbContext>("activities", bus =>
        {
            bus.AddUserDirectoryConsumer<ActivitiesDbContext>();
            bus.AddAccountDirectoryConsumer<ActivitiesDbContext>();
        });
        return builder;
    }
}
