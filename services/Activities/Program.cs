using Crm.Activities.Apis;
using Crm.Activities.Extensions;
using Crm.Activities.Infrastructure;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.RecentViews;
using Crm.ServiceDefaults.Search;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRecentViewsApi();
app.MapUserDirectoryApi<ActivitiesDbContext>();
app.MapRecordDirectoryApi<ActivitiesDbContext>();
app.MapDirectoryReconcileApi();
app.MapActivitiesApi();
app.MapRelatedRecordsApi();
app.MapAssigneesApi();
app.MapCasesApi();
app.MapCaseReportsApi();
app.MapSearchApi<ActivitiesDbContext>(SearchSources.All);

app.Run();

public partial class Program;
