using Crm.Contracts.Sales;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.IntegrationEvents;

public static class LeadEvents
{
    public static LeadSnapshot Snapshot(Lead l) => new(l.Id, l.FullName, l.Company, EnumNames.Display(l.Status), l.OwnerId, l.Version);

    public static LeadCreated Created(Lead l, DateTime now) => new(Snapshot(l), l.CreatedBy, now);

    public static LeadUpdated Updated(Lead l, DateTime now) => new(Snapshot(l), l.UpdatedBy, now);

    public static LeadConverted Converted(Lead l, bool accountCreated, DateTime now) =>
        new(Snapshot(l), l.ConvertedAccountId!.Value, l.ConvertedContactId!.Value, l.ConvertedOpportunityId!.Value, accountCreated, l.UpdatedBy, now);
}
