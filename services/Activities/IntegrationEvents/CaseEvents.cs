using Crm.Activities.Model;
using Crm.Contracts.Activities;
using Crm.ServiceDefaults.Json;

namespace Crm.Activities.IntegrationEvents;

public static class CaseEvents
{
    public static CaseSnapshot Snapshot(Case c) =>
        new(c.Id, c.CaseNumber, c.Subject, EnumNames.Display(c.Status), EnumNames.Display(c.Priority), c.AccountId, c.ContactId, c.OwnerId, c.ClosedAt, c.Version);

    public static CaseCreated Created(Case c, DateTime now) => new(Snapshot(c), c.CreatedBy, now);

    public static CaseUpdated Updated(Case c, DateTime now) => new(Snapshot(c), c.UpdatedBy, now);
}
