using Crm.Activities.Infrastructure;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Apis;

/// <summary>Cases as answered: with the names of their account, contact, owner and editors, from the local directories.</summary>
public sealed class CaseQueries(ActivitiesDbContext db)
{
    public async Task<CaseResponse?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } found
            ? await ToResponseAsync(found, cancellationToken)
            : null;

    public async Task<CaseResponse> ToResponseAsync(Case found, CancellationToken cancellationToken) =>
        (await ToResponsesAsync([found], cancellationToken))[0];

    public async Task<IReadOnlyList<CaseResponse>> ToResponsesAsync(IReadOnlyList<Case> cases, CancellationToken cancellationToken)
    {
        var users = await db.UserNamesAsync(cases.SelectMany(c => new[] { c.OwnerId, c.CreatedBy, c.UpdatedBy }), cancellationToken);
        var links = await db.RecordNamesAsync(
            cases.Select(c => (RecordTypes.Account, c.AccountId))
                .Concat(cases.Where(c => c.ContactId is not null).Select(c => (RecordTypes.Contact, c.ContactId!.Value))),
            cancellationToken);
        string User(Guid id) => users.GetValueOrDefault(id, "");

        return cases.Select(c => new CaseResponse(
            c.Id, c.CaseNumber, c.Subject, c.Description, c.Status, c.Priority,
            c.AccountId, links.GetValueOrDefault((RecordTypes.Account, c.AccountId), ""),
            c.ContactId, c.ContactId is { } contact ? links.GetValueOrDefault((RecordTypes.Contact, contact)) : null,
            c.OwnerId, User(c.OwnerId), c.ClosedAt, c.Version,
            c.CreatedAt, c.CreatedBy, User(c.CreatedBy), c.UpdatedAt, c.UpdatedBy, User(c.UpdatedBy))).ToList();
    }

    /// <summary>The next number of case_number_seq.</summary>
    public async Task<long> NextNumberAsync(CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>($"SELECT nextval('case_number_seq') AS \"Value\"").ToListAsync(cancellationToken)).Single();
}
