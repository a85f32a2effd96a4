using Crm.Billing.Model;
using Crm.Contracts.Billing;
using Crm.ServiceDefaults.Json;

namespace Crm.Billing.IntegrationEvents;

public static class OrderEvents
{
    public static OrderSnapshot Snapshot(Order o, decimal total) =>
        new(o.Id, o.OrderNumber, o.AccountId, o.OpportunityId, o.OrderDate, EnumNames.Display(o.Status), total, o.Version);

    public static OrderCreated Created(Order o, DateTime now) => new(Snapshot(o, o.LineItems.Sum(l => l.Total)), o.CreatedBy, now);

    public static OrderStatusChanged StatusChanged(Order o, OrderStatus before, decimal total, DateTime now) =>
        new(Snapshot(o, total), EnumNames.Display(before), o.UpdatedBy, now);
}

public static class ContractEvents
{
    public static ContractSnapshot Snapshot(Contract c) =>
        new(c.Id, c.ContractNumber, c.AccountId, c.OpportunityId, c.StartDate, c.EndDate, EnumNames.Display(c.BillingCycle), c.PricePerCycle, EnumNames.Display(c.Status), c.Version);

    public static ContractCreated Created(Contract c, DateTime now) => new(Snapshot(c), c.CreatedBy, now);

    public static ContractUpdated Updated(Contract c, DateTime now) => new(Snapshot(c), c.UpdatedBy, now);
}

public static class PaymentEvents
{
    public static PaymentSnapshot Snapshot(Payment p, Contract c) =>
        new(p.Id, null, null, c.AccountId, p.Amount, p.PaymentDate, EnumNames.Display(p.PaymentMethod), EnumNames.Display(p.Status),
            p.ServicePeriodStart, p.ServicePeriodEnd, p.Version, c.Id, c.ContractNumber);

    public static PaymentRecorded Recorded(Payment p, Contract c, DateTime now) => new(Snapshot(p, c), p.CreatedBy, now);

    public static PaymentUpdated Updated(Payment p, Contract c, DateTime now) => new(Snapshot(p, c), p.UpdatedBy, now);

    public static PaymentVoided Voided(Payment p, Contract c, DateTime now) => new(Snapshot(p, c), p.UpdatedBy, now);

    public static PaymentSnapshot Snapshot(Payment p, Order o) =>
        new(p.Id, p.OrderId, o.OrderNumber, o.AccountId, p.Amount, p.PaymentDate, EnumNames.Display(p.PaymentMethod), EnumNames.Display(p.Status),
            p.ServicePeriodStart, p.ServicePeriodEnd, p.Version);

    public static PaymentRecorded Recorded(Payment p, Order o, DateTime now) => new(Snapshot(p, o), p.CreatedBy, now);

    public static PaymentUpdated Updated(Payment p, Order o, DateTime now) => new(Snapshot(p, o), p.UpdatedBy, now);

    public static PaymentVoided Voided(Payment p, Order o, DateTime now) => new(Snapshot(p, o), p.UpdatedBy, now);
}
