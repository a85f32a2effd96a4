using Crm.Billing.Infrastructure;
using Crm.Billing.IntegrationEvents;
using Crm.Contracts.Billing;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Apis;

/// <summary>Billing's orders as Activities' directory copies them (<c>./crm events reconcile</c>).</summary>
public static class DirectorySourcesApi
{
    public static IEndpointRouteBuilder MapDirectorySourcesApi(this IEndpointRouteBuilder app)
    {
        app.MapDirectorySource<BillingDbContext, OrderSnapshot>(DirectorySource.Orders, OrdersAsync, o => o.OrderId);
        return app;
    }

    private static async Task<List<OrderSnapshot>> OrdersAsync(BillingDbContext db, Guid after, int limit, CancellationToken ct) =>
        (await db.Orders.AsNoTracking().Include(o => o.LineItems).Where(o => o.Id.CompareTo(after) > 0).OrderBy(o => o.Id).Take(limit).ToListAsync(ct))
            .Select(o => OrderEvents.Snapshot(o, o.LineItems.Sum(l => l.Total))).ToList();
}
