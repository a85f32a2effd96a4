using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Crm.AppHost.Hosting;
using Crm.AppHost.Services;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.AppHost.Infrastructure;

public static class MailBuilderExtensions
{
    public const string ResourceName = "mail";

    /// <summary>
    /// The <c>mail</c> connection: in run mode the mail sink (tools/Crm.MailSink, its built program) on two loopback
    /// ports picked free, keeping messages under &lt;data&gt;/mail, healthy once it answers SMTP's 220 greeting; its
    /// page is linked from the dashboard. In the manifest it is a connection string the deployment supplies (the
    /// operator's SMTP server): the sink is for development only.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddCrmMail(
        this IDistributedApplicationBuilder builder, CrmSettings settings, out string? pageUrl)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            pageUrl = null;
            return builder.AddConnectionString(ResourceName);
        }

        var project = new Projects.Crm_MailSink();
        var program = ServiceResourceBuilderExtensions.BuiltProgram(project.ProjectPath);
        if (!File.Exists(program))
        {
            throw new InvalidOperationException(
                $"{program} is missing: build the solution first (./crm run builds it, or dotnet build Crm.sln).");
        }

        var smtpPort = FreePorts.Pick();
        var httpPort = FreePorts.Pick();
        pageUrl = $"http://localhost:{httpPort}";
        var resource = new MailSinkResource(ResourceName, program, Path.GetDirectoryName(project.ProjectPath)!);
        return builder.AddResource(resource)
            .WithEndpoint(port: smtpPort, targetPort: smtpPort, scheme: "smtp", name: MailSinkResource.SmtpEndpointName, isProxied: false)
            .WithHttpEndpoint(port: httpPort, targetPort: httpPort, name: MailSinkResource.HttpEndpointName, isProxied: false)
            .WithEnvironment("ASPNETCORE_URLS", pageUrl)
            .WithEnvironment("MailSink__SmtpPort", smtpPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("MailSink__Directory", Path.Combine(settings.DataDir, "mail"))
            .WithEnvironment("Logging__Console__FormatterName", "simple")
            .WithUrlForEndpoint(MailSinkResource.HttpEndpointName, url => url.DisplayText = "Mail sent (sink)")
            .WithUrlForEndpoint(MailSinkResource.SmtpEndpointName, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly)
            .WithProtocolHealthCheck(async ct => await GreetsAsync(smtpPort, ct)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("no SMTP 220 greeting"));
    }

    /// <summary>Whether an SMTP server on the port sends its 220 greeting.</summary>
    private static async Task<bool> GreetsAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, ct);
        var greeting = Encoding.ASCII.GetString(buffer, 0, read);
        await stream.WriteAsync("QUIT\r\n"u8.ToArray(), ct);
        return greeting.StartsWith("220", StringComparison.Ordinal);
    }
}
