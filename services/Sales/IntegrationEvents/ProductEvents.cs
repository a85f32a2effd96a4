using Crm.Contracts.Sales;
using Crm.Sales.Model;

namespace Crm.Sales.IntegrationEvents;

public static class ProductEvents
{
    public static ProductSnapshot Snapshot(Product p) => new(p.Id, p.Name, p.StandardListPrice, p.IsRetainerProduct, p.IsActive, p.Version);

    public static ProductCreated Created(Product p, DateTime now) => new(Snapshot(p), p.CreatedBy, now);

    public static ProductUpdated Updated(Product p, DateTime now) => new(Snapshot(p), p.UpdatedBy, now);
}
