using Crm.AppHost.Hosting;
using Crm.AppHost.Infrastructure;
using Crm.AppHost.Services;
using Crm.AppHost.Supervision;
using Microsoft.Extensions.DependencyInjection;

// The whole CRM on this machine (docs/architecture.md): PostgreSQL, Redis and RabbitMQ as processes, the
// services, the gateway and Aspire's dashboard. ./crm run starts it; tests start it with Aspire.Hosting.Testing.
var builder = DistributedApplication.CreateBuilder(args);
var settings = CrmSettings.From(builder.Configuration, builder.AppHostDirectory);
// Tests run without the dashboard (Aspire.Hosting.Testing turns it off).
var links = settings.IsTesting ? new StartupSummary.Links(null, null) : DashboardSettings.Apply(builder, settings);

var postgres = builder.AddCrmPostgres(settings, ["identity", "sales", "billing", "activities"]);
var redis = builder.AddCrmRedis(settings);
var rabbitmq = builder.AddCrmRabbitMq(settings, out var rabbitManagementPort);

var topology = builder.AddCrmServices(settings, postgres, redis, rabbitmq);

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(links);
builder.Services.AddSingleton(topology.RunState(settings, rabbitManagementPort));
builder.Services.AddSingleton<CrashRestarter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<CrashRestarter>());
builder.Services.AddHostedService<StartupSummary>();
builder.Services.AddHostedService<ResourceStateLogger>();

builder.Build().Run();
