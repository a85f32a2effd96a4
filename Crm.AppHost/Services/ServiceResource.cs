namespace Crm.AppHost.Services;

/// <summary>
/// A service or the gateway. In run mode DCP starts its built program (<c>bin/&lt;Configuration&gt;/&lt;tfm&gt;/Crm.Sales</c>)
/// as a plain process: Aspire starts a project resource through <c>dotnet run --project</c>, a launcher that
/// evaluates the project with MSBuild on every start and stays resident beside the service. The manifest still
/// describes it as the project it is (<c>project.v0</c>, see <see cref="ServiceResourceBuilderExtensions.AddService"/>).
/// It offers service discovery as a project does: <c>WithReference(sales)</c> gives <c>services__sales__http__0</c>.
/// </summary>
public sealed class ServiceResource(string name, string command, string workingDirectory, IProjectMetadata project)
    : ExecutableResource(name, command, workingDirectory), IResourceWithServiceDiscovery
{
    public IProjectMetadata Project { get; } = project;
}
