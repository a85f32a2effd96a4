namespace Crm.Sales.Model;

/// <summary>A product on a deal at a negotiated price. Part of the <see cref="Opportunity"/> aggregate.</summary>
public sealed class OpportunityLineItem
{
    private OpportunityLineItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid OpportunityId { get; private set; }

    public Guid ProductId { get; private set; }

    public int Quantity { get; internal set; }

    public decimal SalePrice { get; internal set; }

    public DateTime CreatedAt { get; private set; }

    public decimal TotalPrice => Quantity * SalePrice;

    internal static OpportunityLineItem Create(Guid opportunityId, Guid productId, int quantity, decimal salePrice, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        OpportunityId = opportunityId,
        ProductId = productId,
        Quantity = quantity,
        SalePrice = salePrice,
        CreatedAt = now,
    };
}

/// <summary>A contact's part in a deal. Part of the <see cref="Opportunity"/> aggregate.</summary>
public sealed class OpportunityContactRole
{
    private OpportunityContactRole()
    {
    }

    public Guid Id { get; private set; }

    public Guid OpportunityId { get; private set; }

    public Guid ContactId { get; private set; }

    public ContactRole Role { get; private set; }

    public DateTime CreatedAt { get; private set; }

    internal static OpportunityContactRole Create(Guid opportunityId, Guid contactId, ContactRole role, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        OpportunityId = opportunityId,
        ContactId = contactId,
        Role = role,
        CreatedAt = now,
    };
}
