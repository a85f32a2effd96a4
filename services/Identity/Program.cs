using Crm.Identity.Apis;
using Crm.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDiscoveryApi();
app.MapAuthApi();
app.MapTwoFactorApi();
app.MapUsersApi();
app.MapSecuritySettingsApi();
app.MapDirectorySourcesApi();

app.Run();

public partial class Program;
