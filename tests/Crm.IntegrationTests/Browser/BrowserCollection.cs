using Crm.Testing;

namespace Crm.IntegrationTests.Browser;

/// <summary>
/// The browser flows share one Chromium and run after the parallel API tests, beside no other test: a page waits
/// on what it renders, and two cores shared with four API test classes made those waits time out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<CrmFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
