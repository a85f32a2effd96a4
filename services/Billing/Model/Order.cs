namespace Crm.Billing.Model;

/// <summary>
/// A confirmed sale, generated once from a won deal. Its lines are an immutable copy of what was sold;
/// its total is the sum of those lines and its paid amount the sum of its Completed payments, neither
/// stored. Only its status changes: recomputed from the payments, or set by people (Fulfilled, Cancelled).
/// </summary>
public sealed class Order
{
    private readonly List<OrderLineItem> _lineItems = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>From the order_number_seq sequence; what "ORD-000123" is made of, and what sorts.</summary>
    public long Number { get; private set; }

    public string OrderNumber { get; private set; } = "";

    public DateOnly OrderDate { get; private set; }

    public OrderStatus Status { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid OpportunityId { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public IReadOnlyList<OrderLineItem> LineItems => _lineItems;

    public static string FormatNumber(long number) => $"ORD-{number:D6}";

    /// <summary>Why no order can be generated from this deal, or null.</summary>
    public static string? CannotGenerateFrom(WonDeal deal) =>
        !deal.IsOpen ? "The opportunity is no longer Closed Won; win it again to generate an order."
        : deal.Lines.Count == 0 ? "The won deal has no products to order."
        : null;

    /// <summary>Awaiting Payment, with the deal's lines copied: sale price becomes price at purchase.</summary>
    public static Order Generate(WonDeal deal, long number, DateOnly today, Guid by, DateTime now)
    {
        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            OrderNumber = FormatNumber(number),
            OrderDate = today,
            Status = OrderStatus.AwaitingPayment,
            AccountId = deal.AccountId,
            OpportunityId = deal.OpportunityId,
            Version = 1,
            CreatedAt = now,
            CreatedBy = by,
            UpdatedAt = now,
            UpdatedBy = by,
        };
        var position = 0;
        foreach (var line in deal.Lines)
        {
            order._lineItems.Add(OrderLineItem.Copy(order.Id, ++position, line));
        }

        return order;
    }

    /// <summary>People may only mark an order Fulfilled or Cancelled; the payment statuses follow the payments.</summary>
    public static string? NotSettableByPeople(OrderStatus status) =>
        status.IsSetByPeople() ? null : "Status can only be set to Fulfilled or Cancelled; the payment statuses follow the payments.";

    /// <summary>Why the status can't move as asked, or null.</summary>
    public string? CannotMoveTo(OrderStatus status) => (Status, status) switch
    {
        var (from, to) when from == to => null,
        (OrderStatus.Cancelled, _) => "The order is Cancelled.",
        (OrderStatus.Fulfilled, OrderStatus.Cancelled) => "A Fulfilled order can't be cancelled.",
        _ => null,
    };

    /// <summary>Why no payment can be logged against the order now, or null.</summary>
    public string? RefusesPayments() => Status == OrderStatus.Cancelled ? "The order is Cancelled; it takes no payments." : null;

    /// <returns>true when the status changed.</returns>
    public bool SetStatus(OrderStatus status, Guid by, DateTime now)
    {
        if (status == Status)
        {
            return false;
        }

        Status = status;
        Touch(by, now);
        return true;
    }

    /// <summary>Follows the payments unless people have set the status (Fulfilled, Cancelled).</summary>
    /// <returns>true when the status changed.</returns>
    public bool Recompute(decimal total, decimal paid, Guid by, DateTime now) =>
        !Status.IsSetByPeople() && SetStatus(OrderStatuses.FromSums(total, paid), by, now);

    private void Touch(Guid by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }
}

/// <summary>A product as bought: an immutable copy of a won deal's line.</summary>
public sealed class OrderLineItem
{
    private OrderLineItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public int Position { get; private set; }

    public Guid ProductId { get; private set; }

    public string ProductName { get; private set; } = "";

    public int Quantity { get; private set; }

    public decimal PriceAtPurchase { get; private set; }

    public bool IsRetainerProduct { get; private set; }

    public decimal Total => Quantity * PriceAtPurchase;

    internal static OrderLineItem Copy(Guid orderId, int position, WonLine line) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Position = position,
        ProductId = line.ProductId,
        ProductName = line.ProductName,
        Quantity = line.Quantity,
        PriceAtPurchase = line.SalePrice,
        IsRetainerProduct = line.IsRetainerProduct,
    };
}
