using Crm.Activities.Infrastructure;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Apis;

/// <summary>Activities as answered: with the names of their assignee, editors and linked records, from the local directories.</summary>
public sealed class ActivityQueries(ActivitiesDbContext db)
{
    public async Task<ActivityResponse?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } activity
            ? await ToResponseAsync(activity, cancellationToken)
            : null;

    public async Task<ActivityResponse> ToResponseAsync(Activity activity, CancellationToken cancellationToken) =>
        (await ToResponsesAsync([activity], cancellationToken))[0];

    public async Task<IReadOnlyList<ActivityResponse>> ToResponsesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var users = await db.UserNamesAsync(activities.SelectMany(a => new[] { a.AssignedToId, a.CreatedBy, a.UpdatedBy }), cancellationToken);
        var links = await db.RecordNamesAsync(activities.SelectMany(Links), cancellationToken);
        var now = DbClock.UtcNow;
        var today = DateOnly.FromDateTime(now);
        string User(Guid id) => users.GetValueOrDefault(id, "");
        string? Link<TType>(TType? type, Guid? id)
            where TType : struct, Enum => type is { } t && id is { } i ? links.GetValueOrDefault((t.RecordType(), i)) : null;

        return activities.Select(a => new ActivityResponse(
            a.Id, a.Type, a.Subject, a.Description, a.Status, a.Priority, a.DueDate, a.StartTime, a.EndTime, a.IsAllDayEvent, a.Location,
            a.AssignedToId, User(a.AssignedToId),
            a.WhatType, a.WhatId, Link(a.WhatType, a.WhatId),
            a.WhoType, a.WhoId, Link(a.WhoType, a.WhoId),
            a.IsClosed(now), a.IsOverdue(today), a.Version,
            a.CreatedAt, a.CreatedBy, User(a.CreatedBy), a.UpdatedAt, a.UpdatedBy, User(a.UpdatedBy))).ToList();
    }

    private static IEnumerable<(string, Guid)> Links(Activity a)
    {
        if (a.WhatType is { } whatType && a.WhatId is { } whatId)
        {
            yield return (whatType.RecordType(), whatId);
        }

        if (a.WhoType is { } whoType && a.WhoId is { } whoId)
        {
            yield return (whoType.RecordType(), whoId);
        }
    }
}
