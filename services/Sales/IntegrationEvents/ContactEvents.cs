using Crm.Contracts.Sales;
using Crm.Sales.Model;

namespace Crm.Sales.IntegrationEvents;

public static class ContactEvents
{
    public static ContactSnapshot Snapshot(Contact c) => new(c.Id, c.FullName, c.AccountId, c.OwnerId, c.IsActive, c.Version);

    public static ContactCreated Created(Contact c, DateTime now) => new(Snapshot(c), c.CreatedBy, now);

    public static ContactUpdated Updated(Contact c, DateTime now) => new(Snapshot(c), c.UpdatedBy, now);

    public static ContactDeactivated Deactivated(Contact c, DateTime now) => new(Snapshot(c), c.UpdatedBy, now);
}
