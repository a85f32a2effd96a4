using Crm.Sales.Infrastructure;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

/// <summary>Reads of opportunities: amounts summed from lines, names joined from accounts, products, contacts and users.</summary>
public sealed class OpportunityQueries(SalesDbContext db)
{
    public IQueryable<OpportunityListItem> ListItems() =>
        from o in db.Opportunities
        join a in db.Accounts on o.AccountId equals a.Id
        join u in db.Users on o.OwnerId equals u.Id into owners
        from u in owners.DefaultIfEmpty()
        select new OpportunityListItem
        {
            Id = o.Id,
            Name = o.Name,
            AccountId = o.AccountId,
            AccountName = a.Name,
            Stage = o.Stage,
            Probability = o.Probability,
            CloseDate = o.CloseDate,
            CalculatedAmount = db.OpportunityLineItems.Where(l => l.OpportunityId == o.Id).Sum(l => (decimal?)(l.Quantity * l.SalePrice)) ?? 0m,
            OwnerId = o.OwnerId,
            OwnerName = u == null ? "" : u.FirstName + " " + u.LastName,
            CreatedAt = o.CreatedAt,
            Version = o.Version,
        };

    /// <summary>The aggregate with its lines and roles, tracked, for a change.</summary>
    public Task<Opportunity?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Opportunities.Include(o => o.LineItems).Include(o => o.ContactRoles).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<OpportunityResponse?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is { } opportunity ? await ToResponseAsync(opportunity, cancellationToken) : null;

    public async Task<OpportunityResponse> ToResponseAsync(Opportunity o, CancellationToken cancellationToken)
    {
        Guid[] userIds = [o.OwnerId, o.CreatedBy, o.UpdatedBy];
        var names = await db.UserNamesAsync(userIds, cancellationToken);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == o.AccountId)
            .Select(a => new AccountReference(a.Id, a.Name)).SingleAsync(cancellationToken);
        var products = await ProductsAsync(o.LineItems.Select(l => l.ProductId), cancellationToken);
        var contactIds = o.ContactRoles.Select(r => r.ContactId).ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        string Name(Guid userId) => names.GetValueOrDefault(userId, "");

        var lines = o.LineItems.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Select(l =>
        {
            var product = products[l.ProductId];
            return new LineItemResponse(l.Id, l.ProductId, product.Name, l.Quantity, l.SalePrice, product.StandardListPrice, l.TotalPrice, product.IsRetainerProduct, product.IsActive);
        }).ToList();
        var roles = o.ContactRoles.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new ContactRoleResponse(r.Id, r.ContactId, contacts[r.ContactId].FullName, contacts[r.ContactId].Title, r.Role)).ToList();

        return new OpportunityResponse(
            o.Id, o.Name, o.Stage, o.Probability, o.CloseDate, o.NextStep, o.Description, o.LeadSource,
            o.AccountId, account, o.OwnerId, Name(o.OwnerId), o.Amount, o.Stage.IsClosed(), o.Stage == OpportunityStage.ClosedWon, o.Version,
            o.CreatedAt, o.CreatedBy, Name(o.CreatedBy), o.UpdatedAt, o.UpdatedBy, Name(o.UpdatedBy), lines, roles);
    }

    public async Task<IReadOnlyDictionary<Guid, Product>> ProductsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Products.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    public Task<string?> AccountNameAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.Accounts.Where(a => a.Id == accountId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);

    public Task<bool> IsActiveAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.Accounts.AnyAsync(a => a.Id == accountId && a.IsActive, cancellationToken);

    public Task<bool> IsActiveUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken);
}
