using Crm.Activities.Infrastructure;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Services;

/// <summary>
/// Links must point at records this service knows (from the owners' events, or its own cases) and that
/// are active. Only a link being set or changed is checked, so a record linked to something since
/// deactivated can still be edited.
/// </summary>
public sealed class RecordLinks(ActivitiesDbContext db)
{
    public async Task CheckActivityAsync(ValidationErrors errors, ActivityFields after, ActivityFields? before, CancellationToken cancellationToken)
    {
        if (after.AssignedToId is { } assignee && assignee != before?.AssignedToId)
        {
            await CheckUserAsync(errors, "assigned_to_id", "Assigned To", assignee, cancellationToken);
        }

        if (after.WhatType is { } whatType && after.WhatId is { } whatId && Enum.IsDefined(whatType)
            && (whatType, whatId) != (before?.WhatType, before?.WhatId))
        {
            await CheckRecordAsync(errors, "what_id", whatType.RecordType(), whatId, cancellationToken);
        }

        if (after.WhoType is { } whoType && after.WhoId is { } whoId && Enum.IsDefined(whoType)
            && (whoType, whoId) != (before?.WhoType, before?.WhoId))
        {
            await CheckRecordAsync(errors, "who_id", whoType.RecordType(), whoId, cancellationToken);
        }
    }

    public async Task CheckCaseAsync(ValidationErrors errors, CaseFields after, CaseFields? before, CancellationToken cancellationToken)
    {
        if (after.OwnerId is { } owner && owner != before?.OwnerId)
        {
            await CheckUserAsync(errors, "owner_id", "Case Owner", owner, cancellationToken);
        }

        var accountOk = true;
        if (after.AccountId is { } accountId && accountId != before?.AccountId)
        {
            accountOk = await CheckRecordAsync(errors, "account_id", RecordTypes.Account, accountId, cancellationToken) is not null;
        }

        // The contact must work at the case's account: checked when either changes.
        if (accountOk && after.ContactId is { } contactId && (contactId != before?.ContactId || after.AccountId != before?.AccountId))
        {
            var contact = contactId == before?.ContactId
                ? await FindAsync(RecordTypes.Contact, contactId, cancellationToken)
                : await CheckRecordAsync(errors, "contact_id", RecordTypes.Contact, contactId, cancellationToken);
            if (contact is not null && contact.AccountId != after.AccountId)
            {
                errors.Add("contact_id", "The Contact is not at this Account.");
            }
        }
    }

    /// <summary>The record when it is known and active; else an error under <paramref name="field"/> and null.</summary>
    private async Task<DirectoryRecord?> CheckRecordAsync(ValidationErrors errors, string field, string recordType, Guid id, CancellationToken cancellationToken)
    {
        var record = await FindAsync(recordType, id, cancellationToken);
        if (record is null)
        {
            errors.Add(field, $"No {recordType} with this id.");
            return null;
        }

        if (!record.IsActive)
        {
            errors.Add(field, recordType == RecordTypes.Lead ? "This Lead was converted; link its contact instead." : $"This {recordType} is inactive.");
            return null;
        }

        return record;
    }

    private Task<DirectoryRecord?> FindAsync(string recordType, Guid id, CancellationToken cancellationToken) =>
        db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.RecordType == recordType && r.Id == id, cancellationToken);

    private async Task CheckUserAsync(ValidationErrors errors, string field, string label, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id && u.IsActive, cancellationToken))
        {
            errors.Add(field, $"{label} must be an active user.");
        }
    }
}
