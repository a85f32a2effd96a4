using Crm.Sales.Apis;
using Crm.Sales.Extensions;
using Crm.Sales.Infrastructure;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.RecentViews;
using Crm.ServiceDefaults.Search;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRecentViewsApi();
app.MapUserDirectoryApi<SalesDbContext>();
app.MapDirectoryReconcileApi();
app.MapAccountsApi();
app.MapContactsApi();
app.MapProductsApi();
app.MapOpportunitiesApi();
app.MapLeadsApi();
app.MapReportsApi();
app.MapDirectorySourcesApi();
app.MapSearchApi<SalesDbContext>(SearchSources.All);

app.Run();

public partial class Program;
