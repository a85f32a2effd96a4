using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>Rebuilds one record type of directory_records, mapping each snapshot with the same function as its consumer.</summary>
public sealed class RecordDirectoryReconciler<TContext, TSnapshot>(DirectorySource source, Func<TSnapshot, DirectoryEntry> entry)
    : DirectoryReconciler<TContext, TSnapshot, DirectoryRecord>(source)
    where TContext : DbContext
{
    protected override async Task<Dictionary<Guid, DirectoryRecord>> LoadAsync(TContext db, IReadOnlyList<TSnapshot> page, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var type = entry(page[0]).RecordType;
        var ids = page.Select(IdOf).ToList();
        return await db.Set<DirectoryRecord>().Where(r => r.RecordType == type && ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
    }

    protected override Guid IdOf(TSnapshot snapshot) => entry(snapshot).Id;

    protected override DirectoryRecord Create(TSnapshot snapshot)
    {
        var e = entry(snapshot);
        return new DirectoryRecord { RecordType = e.RecordType, Id = e.Id };
    }

    protected override Task<bool> ApplyAsync(TContext db, DirectoryRecord row, TSnapshot snapshot, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult(row.Apply(entry(snapshot), now));
}
