using Crm.Sales.Infrastructure;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

/// <summary>Names Sales' recently viewed records as search results do; deactivated accounts and contacts are left out.</summary>
public sealed class SalesRecentRecords(SalesDbContext db) : IRecentRecordSource
{
    public async Task<IReadOnlyDictionary<Guid, RecentRecordInfo>> DescribeAsync(string recordType, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        recordType switch
        {
            RecordTypes.Account => await db.Accounts.AsNoTracking()
                .Where(a => ids.Contains(a.Id) && a.IsActive)
                .ToDictionaryAsync(a => a.Id, a => new RecentRecordInfo(RecordTypes.Account, a.Name, a.Website ?? a.Phone, $"/accounts/{a.Id}"), cancellationToken),
            RecordTypes.Contact => await (
                from c in db.Contacts.AsNoTracking()
                join a in db.Accounts on c.AccountId equals a.Id
                where ids.Contains(c.Id) && c.IsActive
                select new { c.Id, Name = ((c.FirstName ?? "") + " " + c.LastName).Trim(), Account = a.Name })
                .ToDictionaryAsync(c => c.Id, c => new RecentRecordInfo(RecordTypes.Contact, c.Name, c.Account, $"/contacts/{c.Id}"), cancellationToken),
            RecordTypes.Lead => await db.Leads.AsNoTracking()
                .Where(l => ids.Contains(l.Id))
                .Select(l => new { l.Id, Name = ((l.FirstName ?? "") + " " + l.LastName).Trim(), l.Company })
                .ToDictionaryAsync(l => l.Id, l => new RecentRecordInfo(RecordTypes.Lead, l.Name, l.Company, $"/leads/{l.Id}"), cancellationToken),
            RecordTypes.Opportunity => await (
                from o in db.Opportunities.AsNoTracking()
                join a in db.Accounts on o.AccountId equals a.Id
                where ids.Contains(o.Id)
                select new { o.Id, o.Name, Account = a.Name })
                .ToDictionaryAsync(o => o.Id, o => new RecentRecordInfo(RecordTypes.Opportunity, o.Name, o.Account, $"/opportunities/{o.Id}"), cancellationToken),
            _ => new Dictionary<Guid, RecentRecordInfo>(),
        };
}
