using Crm.AppHost.Services;
using Microsoft.Extensions.Hosting;

namespace Crm.AppHost.Hosting;

/// <summary>
/// What <c>./crm run</c> prints once the gateway is healthy: the app, the mail sink's page, the dashboard link with its login token,
/// and the generated first-admin password the first time only. Also writes &lt;data&gt;/endpoints.json for the
/// tools run beside it, and removes it when the run stops.
/// </summary>
public sealed class StartupSummary(
    CrmSettings settings,
    StartupSummary.Links links,
    StartupSummary.Https https,
    StartupSummary.Mail mail,
    RunState runState,
    ServiceTopology topology,
    ResourceNotificationService notifications,
    IHostApplicationLifetime lifetime)
    : BackgroundService
{
    public sealed record Links(string? DashboardLoginUrl, string? DashboardApiKey);

    public sealed record Https(string Url, Tls.GatewayCertificate? Certificate);

    /// <summary>The mail sink's page (development), or null when mail goes to a real server.</summary>
    public sealed record Mail(string? PageUrl);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        runState.Write(settings.DataDir);
        lifetime.ApplicationStopping.Register(() => RunState.Delete(settings.DataDir));
        try
        {
            // The gateway starts beside the services, so its health alone does not say the CRM serves.
            await Task.WhenAll(topology.ServingResources.Select(name => notifications.WaitForResourceHealthyAsync(name, stoppingToken)));
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"  App:        {settings.GatewayUrl}");
        if (https.Certificate is { } certificate)
        {
            Console.WriteLine($"  HTTPS:      {https.Url}");
            Console.WriteLine($"  Certificate ({(certificate.SelfSigned ? "self-signed" : "CRM_TLS_CERT")}, until {certificate.NotAfter:yyyy-MM-dd}) SHA-256: {certificate.Sha256Fingerprint}");
        }

        if (mail.PageUrl is not null)
        {
            Console.WriteLine($"  Mail:       {mail.PageUrl}  (what the CRM sent: welcome and password mails)");
        }

        if (links.DashboardLoginUrl is not null)
        {
            Console.WriteLine($"  Dashboard:  {links.DashboardLoginUrl}");
            Console.WriteLine($"  Telemetry API key (x-api-key): {links.DashboardApiKey}");
        }

        if (settings.AdminPasswordGenerated)
        {
            // Shown once: the password is kept under the data dir and not printed again.
            Console.WriteLine($"  First admin: {settings.AdminEmail} / {settings.AdminPassword}  (shown only this once)");
            await File.WriteAllTextAsync(Path.Combine(settings.DataDir, "secrets", "admin-password.shown"), DateTimeOffset.UtcNow.ToString("O"), stoppingToken);
        }

        Console.WriteLine("  Press Ctrl+C to stop.");
    }
}
