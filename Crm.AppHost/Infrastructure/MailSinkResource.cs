namespace Crm.AppHost.Infrastructure;

/// <summary>
/// The development mail server (tools/Crm.MailSink): SMTP on one port, its page and JSON API on another. Services
/// reference it as any mail server: <c>WithReference</c> gives them <c>ConnectionStrings__mail</c> = <c>smtp://host:port</c>.
/// </summary>
public sealed class MailSinkResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string SmtpEndpointName = "smtp";
    public const string HttpEndpointName = "http";

    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"smtp://{SmtpEndpoint.Property(EndpointProperty.Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}
