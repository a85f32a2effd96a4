using Crm.Testing;

namespace Crm.IntegrationTests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<CrmFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
