using Crm.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// Base of the consumers that keep directory_records in step with another service's events: each
/// message is applied once (inbox), and never rolls a newer copy back (<see cref="DirectoryRecord.Apply"/>).
/// </summary>
public abstract class RecordDirectoryConsumer<TContext>(TContext db, string consumerName)
    where TContext : DbContext
{
    protected Task ApplyAsync(ConsumeContext context, string messageType, DirectoryEntry entry) =>
        Inbox.ApplyOnceAsync(
            db,
            context.MessageId ?? throw new InvalidOperationException("Message without id"),
            consumerName,
            messageType,
            ct => db.SaveDirectoryEntryAsync(entry, DateTime.UtcNow, ct),
            context.CancellationToken);
}

public static class RecordDirectory
{
    /// <summary>Adds the record to the directory, or refreshes the copy held if the entry is newer. Saved with the context.</summary>
    public static async Task<DirectoryRecord> SaveDirectoryEntryAsync(this DbContext db, DirectoryEntry entry, DateTime now, CancellationToken cancellationToken)
    {
        var record = await db.Set<DirectoryRecord>().FindAsync([entry.RecordType, entry.Id], cancellationToken);
        if (record is null)
        {
            record = new DirectoryRecord { RecordType = entry.RecordType, Id = entry.Id };
            db.Set<DirectoryRecord>().Add(record);
        }

        record.Apply(entry, now);
        return record;
    }

    /// <summary>The names of the known records among <paramref name="links"/> (type and id), from the local directory.</summary>
    public static async Task<Dictionary<(string RecordType, Guid Id), string>> RecordNamesAsync(
        this DbContext db, IEnumerable<(string RecordType, Guid Id)> links, CancellationToken cancellationToken)
    {
        var wanted = links.ToHashSet();
        var ids = wanted.Select(l => l.Id).Distinct().ToList();
        var rows = await db.Set<DirectoryRecord>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.RecordType, r.Id, r.Name }).ToListAsync(cancellationToken);
        return rows.Where(r => wanted.Contains((r.RecordType, r.Id))).ToDictionary(r => (r.RecordType, r.Id), r => r.Name);
    }
}
