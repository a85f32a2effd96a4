using Crm.Billing.Infrastructure;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Apis;

/// <summary>Names Billing's recently viewed records as search results do: the number, then the account.</summary>
public sealed class BillingRecentRecords(OrderQueries queries) : IRecentRecordSource
{
    public async Task<IReadOnlyDictionary<Guid, RecentRecordInfo>> DescribeAsync(string recordType, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        recordType switch
        {
            RecordTypes.Order => await queries.ListItems().Where(o => ids.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => new RecentRecordInfo(RecordTypes.Order, o.OrderNumber, o.AccountName, $"/orders/{o.Id}"), cancellationToken),
            RecordTypes.Contract => await queries.ContractRows(OrderQueries.Today).Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => new RecentRecordInfo(RecordTypes.Contract, c.ContractNumber, c.AccountName, $"/contracts/{c.Id}"), cancellationToken),
            // Payments have no page of their own: they open on their order's or contract's page.
            RecordTypes.Payment => await queries.PaymentRows().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(
                    p => p.Id,
                    p => new RecentRecordInfo(
                        RecordTypes.Payment,
                        $"{p.Amount:0.00} {p.OrderNumber ?? p.ContractNumber}",
                        p.AccountName,
                        p.OrderId is { } orderId ? $"/orders/{orderId}" : $"/contracts/{p.ContractId}"),
                    cancellationToken),
            _ => new Dictionary<Guid, RecentRecordInfo>(),
        };
}
