using Crm.Identity.Apis;
using Crm.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// The discovery document names the public addresses the gateway forwarded from.
app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.MapTokenApi();
app.MapSignInPageApi();
app.MapAuthApi();
app.MapTwoFactorApi();
app.MapUsersApi();
app.MapApiClientsApi();
app.MapSecuritySettingsApi();
app.MapDirectorySourcesApi();

app.Run();

public partial class Program;
