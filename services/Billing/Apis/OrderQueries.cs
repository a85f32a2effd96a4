using System.Linq.Expressions;
using Crm.Billing.Infrastructure;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Apis;

/// <summary>
/// Reads of orders and payments: totals summed from the lines, paid amounts from the Completed
/// payments (never stored), account names from the account directory (else the won deal's copy).
/// </summary>
public sealed class OrderQueries(BillingDbContext db)
{
    private IQueryable<DirectoryRecord> Accounts => db.Records.Where(r => r.RecordType == RecordTypes.Account);

    public IQueryable<OrderListItem> ListItems() =>
        from o in db.Orders
        join d in db.WonDeals on o.OpportunityId equals d.OpportunityId
        join r in Accounts on o.AccountId equals r.Id into accounts
        from r in accounts.DefaultIfEmpty()
        select new OrderListItem
        {
            Id = o.Id,
            OrderNumber = o.OrderNumber,
            Number = o.Number,
            AccountId = o.AccountId,
            AccountName = r == null ? d.AccountName : r.Name,
            OpportunityId = o.OpportunityId,
            OrderDate = o.OrderDate,
            Status = o.Status,
            Total = db.OrderLineItems.Where(l => l.OrderId == o.Id).Sum(l => (decimal?)(l.Quantity * l.PriceAtPurchase)) ?? 0m,
            TotalPaid = db.Payments.Where(p => p.OrderId == o.Id && p.Status == PaymentStatus.Completed).Sum(p => (decimal?)p.Amount) ?? 0m,
            Version = o.Version,
            CreatedAt = o.CreatedAt,
        };

    /// <summary>
    /// Orders with a balance due as of a day: dated then or earlier, not Cancelled (a cancelled order takes no
    /// payments, so nothing is owed on it), and their total above what their Completed payments add up to
    /// (the order page's total_paid: Pending, Failed and Void payments don't count).
    /// </summary>
    public static Expression<Func<OrderListItem, bool>> Receivable(DateOnly asOf) =>
        o => o.Status != OrderStatus.Cancelled && o.OrderDate <= asOf && o.Total > o.TotalPaid;

    /// <summary>Orders whose order date lies in the aging bucket's range as of the day (receivable or not).</summary>
    public static Expression<Func<OrderListItem, bool>> InBucket(DateOnly asOf, AgingBucket bucket)
    {
        var (oldest, newest) = bucket.OrderDates(asOf);
        var from = oldest ?? DateOnly.MinValue;
        return o => o.OrderDate >= from && o.OrderDate <= newest;
    }

    public IQueryable<OrderListItem> Receivables(DateOnly asOf) => ListItems().Where(Receivable(asOf));

    /// <summary>
    /// Billing records have no owner of their own: "My" ones are those of accounts the user owns (the account
    /// directory carries the owner) and those the user created.
    /// </summary>
    public IQueryable<Guid> AccountsOwnedBy(Guid userId) => Accounts.Where(r => r.OwnerId == userId).Select(r => r.Id);

    /// <summary>Payments against orders and against contracts, with the account of either.</summary>
    public IQueryable<PaymentListItem> PaymentRows() =>
        from p in db.Payments
        join o in db.Orders on p.OrderId equals (Guid?)o.Id into orders
        from o in orders.DefaultIfEmpty()
        join c in db.Contracts on p.ContractId equals (Guid?)c.Id into contracts
        from c in contracts.DefaultIfEmpty()
        join d in db.WonDeals on (o != null ? o.OpportunityId : c!.OpportunityId) equals d.OpportunityId
        join r in Accounts on (o != null ? o.AccountId : c!.AccountId) equals r.Id into accounts
        from r in accounts.DefaultIfEmpty()
        select new PaymentListItem
        {
            Id = p.Id,
            OrderId = p.OrderId,
            OrderNumber = o != null ? o.OrderNumber : null,
            ContractId = p.ContractId,
            ContractNumber = c != null ? c.ContractNumber : null,
            AccountId = o != null ? o.AccountId : c!.AccountId,
            AccountName = r == null ? d.AccountName : r.Name,
            Amount = p.Amount,
            PaymentDate = p.PaymentDate,
            PaymentMethod = p.PaymentMethod,
            Status = p.Status,
            TransactionId = p.TransactionId,
            Notes = p.Notes,
            ServicePeriodStart = p.ServicePeriodStart,
            ServicePeriodEnd = p.ServicePeriodEnd,
            Version = p.Version,
            CreatedAt = p.CreatedAt,
            CreatedBy = p.CreatedBy,
            UpdatedAt = p.UpdatedAt,
            UpdatedBy = p.UpdatedBy,
        };

    /// <summary>The order, tracked and row-locked until the transaction ends: payment changes of one order queue here.</summary>
    public Task<Order?> LockAsync(Guid id, CancellationToken cancellationToken) =>
        db.Orders.FromSqlInterpolated($"SELECT * FROM orders WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    /// <summary>The order's total (its lines) and what is paid (its Completed payments), as the database holds them now.</summary>
    public async Task<(decimal Total, decimal Paid)> SumsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var total = await db.OrderLineItems.Where(l => l.OrderId == orderId).SumAsync(l => (decimal?)(l.Quantity * l.PriceAtPurchase), cancellationToken) ?? 0m;
        var paid = await db.Payments.Where(p => p.OrderId == orderId && p.Status == PaymentStatus.Completed).SumAsync(p => (decimal?)p.Amount, cancellationToken) ?? 0m;
        return (total, paid);
    }

    public async Task<OrderResponse?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            ? await ToResponseAsync(order, cancellationToken)
            : null;

    public async Task<OrderResponse> ToResponseAsync(Order o, CancellationToken cancellationToken)
    {
        var lines = await db.OrderLineItems.AsNoTracking().Where(l => l.OrderId == o.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        var payments = await PaymentRows().Where(p => p.OrderId == o.Id)
            .OrderBy(p => p.PaymentDate).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var deal = await db.WonDeals.AsNoTracking().SingleAsync(d => d.OpportunityId == o.OpportunityId, cancellationToken);
        var accountName = await AccountNameAsync(o.AccountId, cancellationToken) ?? deal.AccountName;
        var names = await db.UserNamesAsync([o.CreatedBy, o.UpdatedBy], cancellationToken);
        var total = lines.Sum(l => l.Total);
        var paid = payments.Where(p => p.Status == PaymentStatus.Completed).Sum(p => p.Amount);
        return new OrderResponse(
            o.Id, o.OrderNumber, o.OrderDate, o.Status, o.AccountId, accountName, o.OpportunityId, deal.OpportunityName,
            total, paid, total - paid, o.Version,
            o.CreatedAt, o.CreatedBy, names.GetValueOrDefault(o.CreatedBy, ""), o.UpdatedAt, o.UpdatedBy, names.GetValueOrDefault(o.UpdatedBy, ""),
            lines.Select(l => new OrderLineItemResponse(l.Id, l.ProductId, l.ProductName, l.Quantity, l.PriceAtPurchase, l.Total, l.IsRetainerProduct)).ToList(),
            payments);
    }

    public async Task<PaymentResponse?> GetPaymentAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await PaymentRows().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (row.ContractId is { } contractId)
        {
            var contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId, cancellationToken);
            return await ToPaymentResponseAsync(row, null, contract, cancellationToken);
        }

        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == row.OrderId, cancellationToken);
        return await ToPaymentResponseAsync(row, order, null, cancellationToken);
    }

    /// <summary>A payment as saved, with where its order stands now.</summary>
    public async Task<PaymentResponse> ToPaymentResponseAsync(Guid paymentId, Order order, CancellationToken cancellationToken) =>
        await ToPaymentResponseAsync(await PaymentRows().SingleAsync(p => p.Id == paymentId, cancellationToken), order, null, cancellationToken);

    /// <summary>A payment as saved, with where its contract stands now.</summary>
    public async Task<PaymentResponse> ToPaymentResponseAsync(Guid paymentId, Contract contract, CancellationToken cancellationToken) =>
        await ToPaymentResponseAsync(await PaymentRows().SingleAsync(p => p.Id == paymentId, cancellationToken), null, contract, cancellationToken);

    /// <summary>What the contract's Completed payments add up to, as the database holds them now.</summary>
    public async Task<decimal> ContractPaidAsync(Guid contractId, CancellationToken cancellationToken) =>
        await db.Payments.Where(p => p.ContractId == contractId && p.Status == PaymentStatus.Completed).SumAsync(p => (decimal?)p.Amount, cancellationToken) ?? 0m;

    public Task<string?> AccountNameAsync(Guid accountId, CancellationToken cancellationToken) =>
        Accounts.Where(r => r.Id == accountId).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);

    private async Task<PaymentResponse> ToPaymentResponseAsync(PaymentListItem p, Order? order, Contract? contract, CancellationToken cancellationToken)
    {
        OrderBalance? orderBalance = null;
        if (order is not null)
        {
            var (total, paid) = await SumsAsync(order.Id, cancellationToken);
            orderBalance = new OrderBalance(order.Id, order.OrderNumber, order.Status, total, paid, total - paid, order.Version);
        }

        ContractBalance? contractBalance = null;
        if (contract is not null)
        {
            var paid = await ContractPaidAsync(contract.Id, cancellationToken);
            contractBalance = new ContractBalance(contract.Id, contract.ContractNumber, contract.StatusOn(Today), paid, contract.Version);
        }

        var names = await db.UserNamesAsync([p.CreatedBy, p.UpdatedBy], cancellationToken);
        return new PaymentResponse(
            p.Id, p.OrderId, p.OrderNumber, p.ContractId, p.ContractNumber, p.AccountId, p.AccountName, p.Amount, p.PaymentDate, p.PaymentMethod, p.Status,
            p.TransactionId, p.Notes, p.ServicePeriodStart, p.ServicePeriodEnd, p.Version,
            p.CreatedAt, p.CreatedBy, names.GetValueOrDefault(p.CreatedBy, ""), p.UpdatedAt, p.UpdatedBy, names.GetValueOrDefault(p.UpdatedBy, ""),
            orderBalance, contractBalance);
    }

    /// <summary>Today (UTC): what decides whether an Active contract reads as Expired.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Crm.ServiceDefaults.Data.DbClock.UtcNow);

    /// <summary>Contracts as listed: Expired computed from the end date, what is paid summed from the Completed payments.</summary>
    public IQueryable<ContractListItem> ContractRows(DateOnly today) =>
        from c in db.Contracts
        join d in db.WonDeals on c.OpportunityId equals d.OpportunityId
        join r in Accounts on c.AccountId equals r.Id into accounts
        from r in accounts.DefaultIfEmpty()
        select new ContractListItem
        {
            Id = c.Id,
            ContractNumber = c.ContractNumber,
            Number = c.Number,
            AccountId = c.AccountId,
            AccountName = r == null ? d.AccountName : r.Name,
            OpportunityId = c.OpportunityId,
            StartDate = c.StartDate,
            EndDate = c.EndDate,
            BillingCycle = c.BillingCycle,
            PricePerCycle = c.PricePerCycle,
            Status = c.Status == ContractStatus.Active && c.EndDate < today ? ContractStatus.Expired : c.Status,
            TerminatedOn = c.TerminatedOn,
            TotalPaid = db.Payments.Where(p => p.ContractId == c.Id && p.Status == PaymentStatus.Completed).Sum(p => (decimal?)p.Amount) ?? 0m,
            Version = c.Version,
            CreatedAt = c.CreatedAt,
        };

    /// <summary>The contract, tracked and row-locked until the transaction ends: payment changes of one contract queue here.</summary>
    public Task<Contract?> LockContractAsync(Guid id, CancellationToken cancellationToken) =>
        db.Contracts.FromSqlInterpolated($"SELECT * FROM contracts WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    public async Task<ContractResponse?> GetContractAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } contract
            ? await ToContractResponseAsync(contract, cancellationToken)
            : null;

    public async Task<ContractResponse> ToContractResponseAsync(Contract c, CancellationToken cancellationToken)
    {
        var payments = await PaymentRows().Where(p => p.ContractId == c.Id)
            .OrderBy(p => p.PaymentDate).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var deal = await db.WonDeals.AsNoTracking().SingleAsync(d => d.OpportunityId == c.OpportunityId, cancellationToken);
        var accountName = await AccountNameAsync(c.AccountId, cancellationToken) ?? deal.AccountName;
        var names = await db.UserNamesAsync([c.CreatedBy, c.UpdatedBy], cancellationToken);
        var paid = payments.Where(p => p.Status == PaymentStatus.Completed).Sum(p => p.Amount);
        var schedule = c.Schedule(
            payments.Where(p => p.Status == PaymentStatus.Completed && p.ServicePeriodStart is not null).Select(p => (p.ServicePeriodStart!.Value, p.Amount)),
            Today);
        return new ContractResponse(
            c.Id, c.ContractNumber, c.AccountId, accountName, c.OpportunityId, deal.OpportunityName, c.StartDate, c.EndDate, c.BillingCycle,
            c.PricePerCycle, c.StatusOn(Today), c.Notes, paid, c.Version,
            c.CreatedAt, c.CreatedBy, names.GetValueOrDefault(c.CreatedBy, ""), c.UpdatedAt, c.UpdatedBy, names.GetValueOrDefault(c.UpdatedBy, ""),
            payments, c.TerminatedOn, schedule.Select(ContractPeriodResponse.From).ToList());
    }
}
