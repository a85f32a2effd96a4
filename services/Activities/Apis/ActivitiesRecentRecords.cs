using Crm.Activities.Infrastructure;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Apis;

/// <summary>Names recently viewed cases (number and subject) and tasks or events (subject and what they relate to).</summary>
public sealed class ActivitiesRecentRecords(ActivitiesDbContext db) : IRecentRecordSource
{
    public async Task<IReadOnlyDictionary<Guid, RecentRecordInfo>> DescribeAsync(string recordType, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        switch (recordType)
        {
            case RecordTypes.Case:
                return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
                    .Select(c => new { c.Id, c.CaseNumber, c.Subject })
                    .ToDictionaryAsync(c => c.Id, c => new RecentRecordInfo(RecordTypes.Case, c.CaseNumber, c.Subject, $"/cases/{c.Id}"), cancellationToken);
            case RecordTypes.Activity:
                var rows = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id))
                    .Select(a => new { a.Id, a.Type, a.Subject, What = db.Records.Where(r => r.Id == a.WhatId).Select(r => r.Name).FirstOrDefault() })
                    .ToListAsync(cancellationToken);
                return rows.ToDictionary(a => a.Id, a => new RecentRecordInfo(EnumNames.Display(a.Type), a.Subject, a.What, $"/activities/{a.Id}"));
            default:
                return new Dictionary<Guid, RecentRecordInfo>();
        }
    }
}
