using Crm.Contracts.Sales;
using Crm.Sales.Model;

namespace Crm.Sales.IntegrationEvents;

public static class AccountEvents
{
    public static AccountSnapshot Snapshot(Account a) =>
        new(a.Id, a.Name, a.Type?.ToString(), a.OwnerId, a.ParentAccountId, a.IsActive, a.Version);

    public static AccountCreated Created(Account a, DateTime now) => new(Snapshot(a), a.CreatedBy, now);

    public static AccountUpdated Updated(Account a, DateTime now) => new(Snapshot(a), a.UpdatedBy, now);

    public static AccountDeactivated Deactivated(Account a, DateTime now) => new(Snapshot(a), a.UpdatedBy, now);
}
