namespace Crm.AppHost;

/// <summary>A .NET project the topology runs: its folder, assembly and (for services) database.</summary>
public sealed record ServiceDefinition(string Name, string ProjectFolder, string AssemblyName, string? Database);

/// <summary>The projects of docs/architecture.md, in start order.</summary>
public static class ServiceCatalog
{
    public static readonly ServiceDefinition Identity = new("identity", "services/Identity", "Crm.Identity", "identity");

    public static readonly ServiceDefinition Gateway = new("gateway", "gateway", "Crm.Gateway", null);

    public static readonly IReadOnlyList<ServiceDefinition> Services =
    [
        Identity,
        new("sales", "services/Sales", "Crm.Sales", "sales"),
        new("billing", "services/Billing", "Crm.Billing", "billing"),
        new("activities", "services/Activities", "Crm.Activities", "activities"),
    ];

    /// <summary>Services that may run as several replicas behind the gateway.</summary>
    public static readonly IReadOnlyList<string> ScalableServices = Services.Select(s => s.Name).ToList();
}
