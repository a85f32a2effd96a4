using Crm.Activities.Extensions;
using Crm.Activities.Infrastructure;
using Crm.ServiceDefaults.Directory;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapUserDirectoryApi<ActivitiesDbContext>();
app.MapRecordDirectoryApi<ActivitiesDbContext>();

app.Run();

public partial class Program;
