using System.Globalization;

namespace Crm.AppHost.Hosting;

/// <summary>
/// The Aspire dashboard of <c>./crm run</c>: on CRM_DASHBOARD_PORT, over http (these machines have no
/// development certificate), its OTLP receivers and the AppHost's resource service on free ports. The browser
/// login token and the telemetry API key are kept under &lt;data&gt;/secrets so the printed link and scripts
/// keep working across runs; CRM_DASHBOARD_API_KEY overrides the key.
/// </summary>
public static class DashboardSettings
{
    public static StartupSummary.Links Apply(IDistributedApplicationBuilder builder, CrmSettings settings)
    {
        var config = builder.Configuration;
        var url = $"http://localhost:{settings.DashboardPort}";
        var token = Secrets.GetOrCreate(settings.DataDir, "dashboard-token", Secrets.GenerateToken).Value;
        var apiKey = string.IsNullOrWhiteSpace(config["CRM_DASHBOARD_API_KEY"])
            ? Secrets.GetOrCreate(settings.DataDir, "dashboard-api-key", Secrets.GenerateToken).Value
            : config["CRM_DASHBOARD_API_KEY"]!;

        config["ASPNETCORE_URLS"] = url;
        config["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = Loopback(FreePorts.Pick());
        config["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = Loopback(FreePorts.Pick());
        config["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = Loopback(FreePorts.Pick());
        config["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        config["AppHost:BrowserToken"] = token;
        config["AppHost:DashboardApiKey"] = apiKey;
        // ./crm run prints the link itself, once everything is healthy.
        config["AppHost:SuppressDashboardLoginUrlInStartupSummary"] = "true";
        return new StartupSummary.Links($"{url}/login?t={token}", apiKey);
    }

    private static string Loopback(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
}
