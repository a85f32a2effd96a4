using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Crm.ServiceDefaults.Lists;

/// <summary>
/// Bumps the database's list_count_generation once a write is committed (0005_list_count_generation.sql):
/// after an explicit transaction that wrote commits, after a SaveChanges or an ExecuteUpdate/ExecuteDelete/raw command
/// that ran in no transaction (it committed on its own). A total counted under an older generation is then
/// no longer reused (ListCountCache). The bump comes after the commit on purpose: a count that starts after
/// the bump sees the change, and one that started before it was kept under the old generation.
/// </summary>
public sealed class ListCountGeneration : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor
{
    public const string BumpSql = "SELECT nextval('list_count_generation')";

    // Contexts whose open transaction has written something: a transaction that only read (the outbox
    // dispatcher's poll, a row lock) leaves the generation, and so every kept total, alone.
    private readonly ConditionalWeakTable<DbContext, object> _written = [];

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _written.Remove(context))
        {
            Bump(context);
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _written.Remove(context))
        {
            await BumpAsync(context);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && Wrote(eventData.Context, inTransaction: eventData.Context?.Database.CurrentTransaction is not null))
        {
            Bump(eventData.Context);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && Wrote(eventData.Context, inTransaction: eventData.Context?.Database.CurrentTransaction is not null))
        {
            await BumpAsync(eventData.Context);
        }

        return result;
    }

    // Any command run as a non-query is taken for a write, whatever rows it reports: a data-modifying WITH
    // reports only its last statement's (the recent-views upsert reports the rows it trimmed, often none).
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Wrote(eventData.Context, inTransaction: command.Transaction is not null))
        {
            Bump(eventData.Context);
        }

        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Wrote(eventData.Context, inTransaction: command.Transaction is not null))
        {
            await BumpAsync(eventData.Context);
        }

        return result;
    }

    /// <summary>Notes a write; true when it is already committed (it ran in no transaction), so the bump is due now.</summary>
    private bool Wrote(DbContext? context, bool inTransaction)
    {
        if (context is null)
        {
            return false;
        }

        if (inTransaction)
        {
            _written.AddOrUpdate(context, this);
            return false;
        }

        return true;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _written.Remove(context);
        }
    }

    private void Bump(DbContext? context) => BumpAsync(context).GetAwaiter().GetResult();

    private static async Task BumpAsync(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // The write is committed whatever happens here: a failed bump must not turn it into an error. Totals
        // kept under the old generation then live until their expiry (ListCountCache.Lifetime).
        try
        {
            await context.Database.OpenConnectionAsync(CancellationToken.None);
            try
            {
                await using var command = context.Database.GetDbConnection().CreateCommand();
                command.CommandText = BumpSql;
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            finally
            {
                await context.Database.CloseConnectionAsync();
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            context.GetService<ILoggerFactory>().CreateLogger<ListCountGeneration>().LogWarning(ex, "A committed write could not bump list_count_generation; list totals may lag for up to {Lifetime}.", ListCountCache.Lifetime);
        }
    }
}
