using Crm.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseGateway();

app.Run();

/// <summary>Visible to WebApplicationFactory-based tests.</summary>
public partial class Program;
