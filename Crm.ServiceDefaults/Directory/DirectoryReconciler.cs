using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.ServiceDefaults.Directory;

/// <summary>Rebuilds one directory from its owning service (see <see cref="DirectoryReconciler{TContext, TSnapshot, TRow}"/>).</summary>
public interface IDirectoryReconciler
{
    /// <summary>The directory's name in reports: the kind of record it copies (users, accounts...).</summary>
    string Directory { get; }

    DirectorySource Source { get; }

    Task<DirectoryReconcileResult> ReconcileAsync(IServiceScopeFactory scopes, DirectorySourceClient client, CancellationToken cancellationToken);
}

/// <summary>
/// Pages through every record the owner has and applies each to the local copy exactly as its event
/// would: a missing row is added, an older copy is replaced, a copy as new or newer is left alone.
/// So a run repairs what lost or failed events left behind, and a second run changes nothing.
/// </summary>
public abstract class DirectoryReconciler<TContext, TSnapshot, TRow>(DirectorySource source) : IDirectoryReconciler
    where TContext : DbContext
    where TRow : class
{
    // A consumer may change a row of the page between our read and our save (version check): read again.
    private const int AttemptsPerPage = 5;

    public string Directory => Source.Kind;

    public DirectorySource Source { get; } = source;

    public async Task<DirectoryReconcileResult> ReconcileAsync(IServiceScopeFactory scopes, DirectorySourceClient client, CancellationToken cancellationToken)
    {
        int seen = 0, added = 0, updated = 0;
        await foreach (var page in client.PagesAsync<TSnapshot>(Source, cancellationToken))
        {
            var (pageAdded, pageUpdated) = await ApplyPageAsync(scopes, page, cancellationToken);
            (seen, added, updated) = (seen + page.Count, added + pageAdded, updated + pageUpdated);
        }

        return new DirectoryReconcileResult(Directory, Source.Service, seen, added, updated, null);
    }

    /// <summary>The rows held for the page's records, by record id (inside the page's transaction: lock them if writers do).</summary>
    protected abstract Task<Dictionary<Guid, TRow>> LoadAsync(TContext db, IReadOnlyList<TSnapshot> page, CancellationToken cancellationToken);

    protected abstract Guid IdOf(TSnapshot snapshot);

    /// <summary>Whether a record the directory does not hold belongs in it (a deal that was never won does not).</summary>
    protected virtual bool Belongs(TSnapshot snapshot) => true;

    protected abstract TRow Create(TSnapshot snapshot);

    /// <summary>Applies the owner's copy unless the row is as new or newer; true when the row changed.</summary>
    protected abstract Task<bool> ApplyAsync(TContext db, TRow row, TSnapshot snapshot, DateTime now, CancellationToken cancellationToken);

    private async Task<(int Added, int Updated)> ApplyPageAsync(IServiceScopeFactory scopes, IReadOnlyList<TSnapshot> page, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var held = await LoadAsync(db, page, cancellationToken);
            int added = 0, updated = 0;
            var now = DateTime.UtcNow;
            foreach (var snapshot in page)
            {
                if (held.TryGetValue(IdOf(snapshot), out var row))
                {
                    updated += await ApplyAsync(db, row, snapshot, now, cancellationToken) ? 1 : 0;
                }
                else if (Belongs(snapshot))
                {
                    row = Create(snapshot);
                    await ApplyAsync(db, row, snapshot, now, cancellationToken);
                    db.Add(row);
                    added++;
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (added, updated);
            }
            catch (DbUpdateException) when (attempt < AttemptsPerPage)
            {
                // A consumer inserted or changed one of these rows meanwhile (key or version conflict).
            }
        }
    }
}
