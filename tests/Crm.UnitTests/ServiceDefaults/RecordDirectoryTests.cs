using Crm.Contracts.Billing;
using Crm.Contracts.Sales;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class RecordDirectoryTests
{
    private static readonly DateTime Now = new(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Applies_newer_copies_and_ignores_stale_or_repeated_ones()
    {
        var record = new DirectoryRecord { RecordType = RecordTypes.Contact, Id = Guid.NewGuid() };
        var entry = new DirectoryEntry(RecordTypes.Contact, record.Id, "Maria Garcia", Guid.NewGuid(), null, true, 1);

        record.Apply(entry, Now).ShouldBeTrue();
        record.Apply(entry with { Name = "Maria Lopez", Version = 2 }, Now).ShouldBeTrue();
        record.Apply(entry with { Name = "Maria Garcia", Version = 1 }, Now).ShouldBeFalse();
        record.Apply(entry with { IsActive = false, Version = 2 }, Now).ShouldBeFalse();

        record.Name.ShouldBe("Maria Lopez");
        record.IsActive.ShouldBeTrue();
        record.Version.ShouldBe(2);
    }

    [Fact]
    public void A_converted_lead_is_inactive_and_keeps_its_company_as_detail()
    {
        var open = LeadDirectoryConsumer<DbContext>.Entry(new LeadSnapshot(Guid.NewGuid(), "Priya Patel", "Riverside", "Qualified", Guid.NewGuid(), 2));
        var converted = LeadDirectoryConsumer<DbContext>.Entry(new LeadSnapshot(open.Id, "Priya Patel", "Riverside", "Converted", open.OwnerId!.Value, 3));

        open.IsActive.ShouldBeTrue();
        open.Detail.ShouldBe("Riverside");
        converted.IsActive.ShouldBeFalse();
        converted.Version.ShouldBe(3);
    }

    [Fact]
    public void Contacts_opportunities_and_orders_are_filed_under_their_account()
    {
        var account = Guid.NewGuid();
        var contact = ContactDirectoryConsumer<DbContext>.Entry(new ContactSnapshot(Guid.NewGuid(), "Jane Doe", account, Guid.NewGuid(), false, 4));
        var deal = OpportunityDirectoryConsumer<DbContext>.Entry(new OpportunitySnapshot(Guid.NewGuid(), "Website", account, Guid.NewGuid(), "Proposal", 100m, null, 2));
        var order = OrderDirectoryConsumer<DbContext>.Entry(new OrderSnapshot(Guid.NewGuid(), "ORD-000042", account, Guid.NewGuid(), new DateOnly(2031, 1, 1), "Paid in Full", 10m, 3));

        (contact.RecordType, contact.AccountId, contact.IsActive).ShouldBe((RecordTypes.Contact, (Guid?)account, false));
        (deal.RecordType, deal.AccountId, deal.IsActive).ShouldBe((RecordTypes.Opportunity, (Guid?)account, true));
        (order.RecordType, order.Name, order.Detail, order.AccountId).ShouldBe((RecordTypes.Order, "ORD-000042", "ORD-000042", (Guid?)account));
    }
}
