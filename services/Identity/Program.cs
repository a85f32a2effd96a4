using Crm.Identity.Apis;
using Crm.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDiscoveryApi();
app.MapAuthApi();
app.MapUsersApi();
app.MapDirectorySourcesApi();

app.Run();

public partial class Program;
