using Crm.Testing;

namespace Crm.IntegrationTests;

/// <summary>All integration tests share one running system (starting it takes seconds) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CrmCollection : ICollectionFixture<CrmFixture>
{
    public const string Name = "crm";
}
