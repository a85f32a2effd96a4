using Crm.Contracts.Sales;
using Crm.Sales.Infrastructure;
using Crm.Sales.IntegrationEvents;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

/// <summary>
/// Sales' records as the other services' directories copy them (<c>./crm events reconcile</c>): the same
/// snapshots the events carry, made by the same functions.
/// </summary>
public static class DirectorySourcesApi
{
    public static IEndpointRouteBuilder MapDirectorySourcesApi(this IEndpointRouteBuilder app)
    {
        app.MapDirectorySource<SalesDbContext, AccountSnapshot>(DirectorySource.Accounts, AccountsAsync, a => a.AccountId);
        app.MapDirectorySource<SalesDbContext, ContactSnapshot>(DirectorySource.Contacts, ContactsAsync, c => c.ContactId);
        app.MapDirectorySource<SalesDbContext, LeadSnapshot>(DirectorySource.Leads, LeadsAsync, l => l.LeadId);
        app.MapDirectorySource<SalesDbContext, OpportunitySnapshot>(DirectorySource.Opportunities, OpportunitiesAsync, o => o.OpportunityId);
        app.MapDirectorySource<SalesDbContext, DealSnapshot>(DirectorySource.WonDeals, DealsAsync, d => d.Opportunity.OpportunityId);
        return app;
    }

    private static async Task<List<AccountSnapshot>> AccountsAsync(SalesDbContext db, Guid after, int limit, CancellationToken ct) =>
        (await db.Accounts.AsNoTracking().Where(a => a.Id.CompareTo(after) > 0).OrderBy(a => a.Id).Take(limit).ToListAsync(ct))
            .Select(AccountEvents.Snapshot).ToList();

    private static async Task<List<ContactSnapshot>> ContactsAsync(SalesDbContext db, Guid after, int limit, CancellationToken ct) =>
        (await db.Contacts.AsNoTracking().Where(c => c.Id.CompareTo(after) > 0).OrderBy(c => c.Id).Take(limit).ToListAsync(ct))
            .Select(ContactEvents.Snapshot).ToList();

    private static async Task<List<LeadSnapshot>> LeadsAsync(SalesDbContext db, Guid after, int limit, CancellationToken ct) =>
        (await db.Leads.AsNoTracking().Where(l => l.Id.CompareTo(after) > 0).OrderBy(l => l.Id).Take(limit).ToListAsync(ct))
            .Select(LeadEvents.Snapshot).ToList();

    private static async Task<List<OpportunitySnapshot>> OpportunitiesAsync(SalesDbContext db, Guid after, int limit, CancellationToken ct) =>
        (await db.Opportunities.AsNoTracking().Where(o => o.Id.CompareTo(after) > 0).OrderBy(o => o.Id).Take(limit).ToListAsync(ct))
            .Select(OpportunityEvents.Snapshot).ToList();

    private static async Task<List<DealSnapshot>> DealsAsync(SalesDbContext db, Guid after, int limit, CancellationToken ct)
    {
        var opportunities = await db.Opportunities.AsNoTracking().Include(o => o.LineItems)
            .Where(o => o.Id.CompareTo(after) > 0).OrderBy(o => o.Id).Take(limit).ToListAsync(ct);
        var won = opportunities.Where(o => o.Stage == OpportunityStage.ClosedWon).ToList();
        var accountIds = won.Select(o => o.AccountId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var productIds = won.SelectMany(o => o.LineItems).Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return opportunities.Select(o => OpportunityEvents.Deal(o, accounts.GetValueOrDefault(o.AccountId, ""), products)).ToList();
    }
}
