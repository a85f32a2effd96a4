namespace Crm.AppHost.Infrastructure;

/// <summary>
/// A server started by DCP as a plain process (no container runtime here) that services reference like
/// Aspire's container resources: <c>WithReference</c> gives them <c>ConnectionStrings__&lt;name&gt;</c>.
/// </summary>
public sealed class ServerResource(string name, string command, string workingDirectory, Func<EndpointReference, ReferenceExpression> connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => connectionString(PrimaryEndpoint);
}
