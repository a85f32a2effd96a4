using Crm.Testing;

namespace Crm.FailoverTests;

/// <summary>
/// The shared CRM with Sales as two replicas (sales-1, sales-2): the replica count is set as this fixture starts,
/// before the CRM does (a module initializer would run too late: xunit creates fixtures by reflection).
/// </summary>
public sealed class TwoSalesReplicas : IAsyncLifetime
{
    public CrmFixture Crm { get; } = new();

    public Task InitializeAsync()
    {
        CrmFixture.Replicas["sales"] = 2;
        return Crm.InitializeAsync();
    }

    public Task DisposeAsync() => Crm.DisposeAsync();
}

[CollectionDefinition(CrmCollection.Name)]
public sealed class CrmTests : ICollectionFixture<TwoSalesReplicas>;
