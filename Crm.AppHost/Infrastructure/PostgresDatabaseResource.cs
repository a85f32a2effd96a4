namespace Crm.AppHost.Infrastructure;

/// <summary>One service's database on the shared server: <c>ConnectionStrings__salesdb</c> and so on.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, ServerResource server)
    : Resource(name), IResourceWithParent<ServerResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public ServerResource Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent.ConnectionStringExpression};Database={DatabaseName}");
}
