using Crm.Sales.Infrastructure;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Lists;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

/// <summary>Reads that join accounts with the local user directory (owner and editor names).</summary>
public sealed class AccountQueries(SalesDbContext db)
{
    /// <summary>
    /// Active accounts as list rows (deactivated ones leave the list, as in the spec); with a search, those
    /// whose name, phone or website contains it, ignoring case.
    /// </summary>
    public IQueryable<AccountListItem> ActiveListItems(string? search = null) =>
        from a in Search(db.Accounts.Where(a => a.IsActive), search)
        select new AccountListItem
        {
            Id = a.Id,
            Name = a.Name,
            Phone = a.Phone,
            Website = a.Website,
            Type = a.Type,
            OwnerId = a.OwnerId,
            OwnerName = EF.Property<string>(a, ListColumns.OwnerName),
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            Version = a.Version,
        };

    /// <summary>One LIKE on the search text the database keeps (0009_list_indexes.sql), not ILIKE on three columns.</summary>
    private static IQueryable<Account> Search(IQueryable<Account> accounts, string? search)
    {
        if (search is null)
        {
            return accounts;
        }

        if (SearchText.Pattern(search) is { } lowered)
        {
            return accounts.Where(a => EF.Functions.Like(EF.Property<string>(a, ListColumns.SearchText), lowered, QueryableListExtensions.LikeEscape));
        }

        var pattern = QueryableListExtensions.LikePattern(search);
        return accounts.Where(a => EF.Functions.ILike(a.Name, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(a.Phone!, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(a.Website!, pattern, QueryableListExtensions.LikeEscape));
    }

    public async Task<AccountResponse?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is null ? null : await ToResponseAsync(account, cancellationToken);
    }

    public async Task<AccountResponse> ToResponseAsync(Account a, CancellationToken cancellationToken)
    {
        Guid[] userIds = [a.OwnerId, a.CreatedBy, a.UpdatedBy];
        var names = await db.UserNamesAsync(userIds, cancellationToken);
        var parent = a.ParentAccountId is { } parentId
            ? await db.Accounts.AsNoTracking().Where(p => p.Id == parentId).Select(p => new AccountReference(p.Id, p.Name)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.AccountId == a.Id && c.IsActive)
            .OrderBy(c => c.LastName.ToLower()).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Select(c => new AccountContactRow(c.Id, ((c.FirstName ?? "") + " " + c.LastName).Trim(), c.Title, c.Email, c.Phone))
            .ToListAsync(cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking()
            .Where(o => o.AccountId == a.Id)
            .OrderBy(o => o.CloseDate).ThenBy(o => o.Id)
            .Select(o => new AccountOpportunityRow(
                o.Id, o.Name, o.Stage, o.CloseDate,
                db.OpportunityLineItems.Where(l => l.OpportunityId == o.Id).Sum(l => (decimal?)(l.Quantity * l.SalePrice)) ?? 0m))
            .ToListAsync(cancellationToken);
        string Name(Guid userId) => names.GetValueOrDefault(userId, "");

        return new AccountResponse(
            a.Id, a.Name, a.Phone, a.Website, a.Type, a.Description, a.BillingAddress, a.ShippingAddress,
            a.ParentAccountId, parent, a.OwnerId, Name(a.OwnerId), a.IsActive, a.Version,
            a.CreatedAt, a.CreatedBy, Name(a.CreatedBy), a.UpdatedAt, a.UpdatedBy, Name(a.UpdatedBy),
            contacts, opportunities);
    }

    public async Task<(bool IsActive, Guid? ParentId)?> HierarchyAsync(Guid id)
    {
        var row = await db.Accounts.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.IsActive, a.ParentAccountId }).SingleOrDefaultAsync();
        return row is null ? null : (row.IsActive, row.ParentAccountId);
    }

    public Task<bool> IsActiveUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken);
}
