using Crm.AppHost.Deployment;
using Crm.AppHost.Hosting;
using Crm.AppHost.Infrastructure;
using Crm.AppHost.Services;
using Crm.AppHost.Supervision;
using Crm.AppHost.Tls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The whole CRM on this machine (docs/architecture.md): PostgreSQL, Redis and RabbitMQ as processes, the
// services, the gateway and Aspire's dashboard. ./crm run starts it; tests start it with Aspire.Hosting.Testing.
if (args.Length > 0 && (Crm.AppHost.Backups.BackupCommands.Names.Contains(args[0]) || args[0] == RedeployCommand.Name))
{
    // ./crm backup | backups | restore | redeploy: the same settings as a run, without starting one.
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    // Where a run's builder.AppHostDirectory points: the project directory Aspire's SDK records in the assembly.
    var projectDirectory = typeof(Program).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .OfType<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "apphostprojectpath").Value!;
    return args[0] == RedeployCommand.Name
        ? await RedeployCommand.RunAsync(args, configuration, projectDirectory)
        : await Crm.AppHost.Backups.BackupCommands.RunAsync(args, configuration, projectDirectory);
}

var builder = DistributedApplication.CreateBuilder(args);
// ./crm run starts the built AppHost from the repository root, where its appsettings.json is not the content root.
builder.Configuration.AddJsonFile(Path.Combine(builder.AppHostDirectory, "appsettings.json"), optional: true);
DistributedApplication app;
try
{
    var settings = CrmSettings.From(builder.Configuration, builder.AppHostDirectory);
    // Tests run without the dashboard (Aspire.Hosting.Testing turns it off).
    var links = settings.IsTesting ? new StartupSummary.Links(null, null) : DashboardSettings.Apply(builder, settings);

    var postgres = builder.AddCrmPostgres(settings, ["identity", "sales", "billing", "activities"]);
    var redis = builder.AddCrmRedis(settings);
    var rabbitmq = builder.AddCrmRabbitMq(settings, out var rabbitManagementPort);
    var mail = builder.AddCrmMail(settings, out var mailPageUrl);

    var certificate = builder.ExecutionContext.IsRunMode
        ? GatewayCertificate.Resolve(settings.TlsCertPath, settings.TlsKeyPath, settings.DataDir, TimeProvider.System)
        : null;
    var releases = new ServiceReleases(settings.DataDir);
    var topology = builder.AddCrmServices(settings, postgres, redis, rabbitmq, mail, certificate, releases);

    builder.Services.AddSingleton(settings);
    builder.Services.AddSingleton(links);
    builder.Services.AddSingleton(new StartupSummary.Https(settings.GatewayHttpsUrl, certificate));
    builder.Services.AddSingleton(new StartupSummary.Mail(mailPageUrl));
    builder.Services.AddSingleton(topology);
    builder.Services.AddSingleton(topology.RunState(settings, rabbitManagementPort));
    builder.AddResourceWatcher<CrashRestarter>();
    builder.AddResourceWatcher<ResourceStateLogger>();
    builder.Services.AddSingleton(releases);
    builder.Services.AddHttpClient(nameof(RollingRedeployer), c => c.Timeout = TimeSpan.FromSeconds(5));
    builder.AddResourceWatcher<RollingRedeployer>();
    builder.Services.AddHostedService<StartupSummary>();

    app = builder.Build();
}
catch (Exception ex) when (ex is InvalidOperationException or FormatException)
{
    // A missing program, a port in use, a failed initdb: the message says what to do; a stack trace would not help.
    Console.Error.WriteLine($"crm: start failed: {ex.Message}");
    return 1;
}

await app.RunAsync();
return 0;
