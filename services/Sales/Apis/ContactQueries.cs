using Crm.Sales.Infrastructure;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Lists;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

/// <summary>Reads of contacts joined with their account and the user directory.</summary>
public sealed class ContactQueries(SalesDbContext db)
{
    /// <summary>
    /// Active contacts as list rows; with a search, those whose name or account's name contains it, ignoring case:
    /// one LIKE on the search text the database keeps (0010_contact_search_text.sql), not ILIKE on both through
    /// the join.
    /// </summary>
    public IQueryable<ContactListItem> ActiveListItems(string? search = null)
    {
        var contacts = db.Contacts.Where(c => c.IsActive);
        var lowered = search is null ? null : SearchText.Pattern(search);
        if (lowered is not null)
        {
            contacts = contacts.Where(c => EF.Functions.Like(EF.Property<string>(c, ListColumns.SearchText), lowered, QueryableListExtensions.LikeEscape));
        }

        var rows =
            from c in contacts
            join a in db.Accounts on c.AccountId equals a.Id
            select new ContactListItem
            {
                Id = c.Id,
                FirstName = c.FirstName,
                LastName = c.LastName,
                Name = ((c.FirstName ?? "") + " " + c.LastName).Trim(),
                Title = c.Title,
                Email = c.Email,
                Phone = c.Phone,
                AccountId = c.AccountId,
                AccountName = a.Name,
                OwnerId = c.OwnerId,
                OwnerName = EF.Property<string>(c, ListColumns.OwnerName),
                CreatedAt = c.CreatedAt,
                Version = c.Version,
            };
        if (search is not null && lowered is null)
        {
            var pattern = QueryableListExtensions.LikePattern(search);
            rows = rows.Where(c => EF.Functions.ILike(c.Name, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(c.AccountName, pattern, QueryableListExtensions.LikeEscape));
        }

        return rows;
    }

    public async Task<ContactResponse?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contact is null ? null : await ToResponseAsync(contact, cancellationToken);
    }

    public async Task<ContactResponse> ToResponseAsync(Contact c, CancellationToken cancellationToken)
    {
        Guid[] userIds = [c.OwnerId, c.CreatedBy, c.UpdatedBy];
        var names = await db.UserNamesAsync(userIds, cancellationToken);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == c.AccountId)
            .Select(a => new AccountReference(a.Id, a.Name)).SingleAsync(cancellationToken);
        var reportsTo = c.ReportsToId is { } managerId
            ? await db.Contacts.AsNoTracking().Where(m => m.Id == managerId)
                .Select(m => new ContactReference(m.Id, ((m.FirstName ?? "") + " " + m.LastName).Trim())).SingleOrDefaultAsync(cancellationToken)
            : null;
        var opportunities = await (
            from r in db.OpportunityContactRoles.AsNoTracking()
            join o in db.Opportunities on r.OpportunityId equals o.Id
            where r.ContactId == c.Id
            orderby o.CloseDate, o.Id
            select new ContactOpportunityRow(
                o.Id, o.Name, o.Stage, o.CloseDate,
                db.OpportunityLineItems.Where(l => l.OpportunityId == o.Id).Sum(l => (decimal?)(l.Quantity * l.SalePrice)) ?? 0m,
                r.Role)).ToListAsync(cancellationToken);
        string Name(Guid userId) => names.GetValueOrDefault(userId, "");

        return new ContactResponse(
            c.Id, c.FirstName, c.LastName, c.FullName, c.Title, c.Email, c.Phone, c.Description,
            c.ReportsToId, reportsTo, c.AccountId, account, c.OwnerId, Name(c.OwnerId), c.IsActive, c.Version,
            c.CreatedAt, c.CreatedBy, Name(c.CreatedBy), c.UpdatedAt, c.UpdatedBy, Name(c.UpdatedBy), opportunities);
    }

    /// <summary>A manager candidate: only contacts of the given account count as existing.</summary>
    public Func<Guid, Task<(bool IsActive, Guid? ParentId)?>> ReportsToLookup(Guid accountId) => async id =>
    {
        var row = await db.Contacts.AsNoTracking().Where(c => c.Id == id && c.AccountId == accountId)
            .Select(c => new { c.IsActive, c.ReportsToId }).SingleOrDefaultAsync();
        return row is null ? null : (row.IsActive, row.ReportsToId);
    };

    public Task<bool> IsActiveAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.Accounts.AnyAsync(a => a.Id == accountId && a.IsActive, cancellationToken);

    public Task<bool> EmailTakenAsync(string email, Guid? exceptId, CancellationToken cancellationToken) =>
        db.Contacts.AnyAsync(c => c.IsActive && c.Email != null && c.Email.ToLower() == email.Trim().ToLower() && c.Id != exceptId, cancellationToken);

    public Task<bool> IsActiveUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken);
}
