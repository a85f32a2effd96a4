using Crm.Testing;

namespace Crm.IntegrationTests;

/// <summary>
/// Tests that disturb the shared CRM (kill, stop or restart a resource, an outage) or look at all of it at once
/// (a reconcile that must find nothing to repair, the adversarial test's check that a refused request wrote no row
/// anywhere). xunit runs this collection after every parallel one, one test
/// after another, so no other test sees a service down or writes while they count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DisruptiveCollection : ICollectionFixture<CrmFixture>
{
    public const string Name = "disruptive";
}
