using Crm.Testing;

namespace Crm.BrowserTests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<CrmFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
