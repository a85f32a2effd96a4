using Crm.Billing.Apis;
using Crm.Billing.Extensions;
using Crm.Billing.Infrastructure;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.RecentViews;
using Crm.ServiceDefaults.Search;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRecentViewsApi();
app.MapUserDirectoryApi<BillingDbContext>();
app.MapRecordDirectoryApi<BillingDbContext>();
app.MapDirectoryReconcileApi();
app.MapOrdersApi();
app.MapPaymentsApi();
app.MapContractsApi();
app.MapReportsApi();
app.MapDirectorySourcesApi();
app.MapSearchApi<BillingDbContext>(SearchSources.All);

app.Run();

public partial class Program;
