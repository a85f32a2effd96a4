using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.ServiceDefaults.Messaging;

/// <summary>Wakes the dispatcher right after a save that wrote events, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    // Which contexts are saving new outbox rows (the dispatcher's own saves must not wake itself).
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfPending(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfPending(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    private void Track(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private void NotifyIfPending(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            Notify();
        }
    }
}
