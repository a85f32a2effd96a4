using Crm.Sales.Infrastructure;
using Crm.Sales.IntegrationEvents;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Messaging;

namespace Crm.Sales.Services;

/// <summary>The one way a lead is created, by POST /leads or by an import: the same event.</summary>
public static class LeadCreation
{
    /// <summary>Adds the lead and its LeadCreated event to the unit of work (saved together, or not at all).</summary>
    public static Lead Add(SalesDbContext db, LeadChanges changes, Guid ownerId, DateTime now)
    {
        var lead = Lead.Create(changes, ownerId, now);
        db.Leads.Add(lead);
        db.AddIntegrationEvent(LeadEvents.Created(lead, now));
        return lead;
    }
}
