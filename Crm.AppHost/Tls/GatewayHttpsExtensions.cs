using Crm.AppHost.Hosting;
using Crm.AppHost.Services;

namespace Crm.AppHost.Tls;

public static class GatewayHttpsExtensions
{
    /// <summary>
    /// HTTPS on CRM_HTTPS_PORT beside HTTP: Kestrel's default certificate from PEM files, and the port the gateway
    /// redirects plain HTTP to (Gateway__HttpsPort; the gateway's HttpsEnforcement says when).
    /// </summary>
    public static IResourceBuilder<ServiceResource> WithGatewayHttps(this IResourceBuilder<ServiceResource> gateway, CrmSettings settings, GatewayCertificate certificate)
    {
        gateway
            .WithHttpsEndpoint(port: settings.HttpsPort, targetPort: settings.HttpsPort, name: "https", isProxied: false)
            .WithEnvironment("Kestrel__Certificates__Default__Path", certificate.CertPath)
            .WithEnvironment("Kestrel__Certificates__Default__KeyPath", certificate.KeyPath)
            .WithEnvironment("Gateway__HttpsPort", settings.HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var http = gateway.GetEndpoint("http");
        var https = gateway.GetEndpoint("https");
        // After AddService's own callback: the same URLs plus the HTTPS one.
        gateway.WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsRunMode)
            {
                context.EnvironmentVariables["ASPNETCORE_URLS"] = ReferenceExpression.Create(
                    $"http://localhost:{http.Property(EndpointProperty.TargetPort)};https://localhost:{https.Property(EndpointProperty.TargetPort)}");
            }
        });
        return gateway;
    }
}
