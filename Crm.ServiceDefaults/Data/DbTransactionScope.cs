using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.ServiceDefaults.Data;

/// <summary>
/// A unit of work that is a transaction of its own, or a savepoint when the context is already in a
/// transaction (an idempotent request's, which must commit together with the work it protects). The
/// code inside reads the same either way: commit, or leave without committing to undo its changes.
/// </summary>
public sealed class DbTransactionScope : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly string? _savepoint;
    private bool _completed;

    private DbTransactionScope(IDbContextTransaction transaction, string? savepoint)
    {
        _transaction = transaction;
        _savepoint = savepoint;
    }

    public static async Task<DbTransactionScope> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } outer)
        {
            // Unique per context, so scopes may nest more than one level.
            var savepoint = $"crm_scope_{Guid.NewGuid():N}";
            await outer.CreateSavepointAsync(savepoint, cancellationToken);
            return new DbTransactionScope(outer, savepoint);
        }

        return new DbTransactionScope(await db.Database.BeginTransactionAsync(cancellationToken), null);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_savepoint is null)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await _transaction.ReleaseSavepointAsync(_savepoint, cancellationToken);
        }

        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_savepoint is null)
        {
            // Disposing an uncommitted transaction rolls it back.
            await _transaction.DisposeAsync();
            return;
        }

        if (!_completed)
        {
            try
            {
                // Undo this scope's statements only; the outer transaction stays usable (a caught
                // unique violation may still query) and decides for itself.
                await _transaction.RollbackToSavepointAsync(_savepoint);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                // The connection is gone: the outer transaction cannot commit either.
            }
        }
    }
}

public static class DbTransactionScopeExtensions
{
    /// <summary>Begins a transaction, or a savepoint inside the one already open. Use instead of <c>Database.BeginTransactionAsync</c>.</summary>
    public static Task<DbTransactionScope> BeginTransactionScopeAsync(this DbContext db, CancellationToken cancellationToken) =>
        DbTransactionScope.BeginAsync(db, cancellationToken);
}
