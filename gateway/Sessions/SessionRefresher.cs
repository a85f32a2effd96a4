namespace Crm.Gateway.Sessions;

/// <summary>
/// Keeps a session's access token fresh: renews it at Identity when it expires within a minute, with
/// a Redis lock so two tabs (or two gateway replicas) never spend the same refresh token twice.
/// </summary>
public sealed class SessionRefresher(SessionStore store, IdentityTokenClient identity, TimeProvider time)
{
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LockLifetime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan WaitForOtherRefresh = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public bool NeedsRefresh(BrowserSession session) => session.AccessExpiresAt - time.GetUtcNow() <= RefreshAhead;

    /// <returns>The session to use (possibly still stale if Identity was unreachable), or null when it is over.</returns>
    public async Task<BrowserSession?> EnsureFreshAsync(string id, BrowserSession session, HttpContext context)
    {
        if (!NeedsRefresh(session))
        {
            return session;
        }

        var owner = Guid.NewGuid().ToString("N");
        if (await store.TryLockRefreshAsync(id, owner, LockLifetime))
        {
            try
            {
                return await RefreshLockedAsync(id, context);
            }
            finally
            {
                await store.ReleaseRefreshLockAsync(id, owner);
            }
        }

        // Someone else is refreshing this session: wait for their result instead of racing them.
        var deadline = time.GetUtcNow() + WaitForOtherRefresh;
        while (time.GetUtcNow() < deadline)
        {
            await Task.Delay(PollInterval, time, context.RequestAborted);
            var current = await store.GetAsync(id);
            if (current is null || current.AccessToken != session.AccessToken)
            {
                return current;
            }
        }

        return session;
    }

    /// <summary>
    /// Renews the session's tokens now, fresh or not: what the session may do changed at Identity (two-factor sign-in
    /// turned on ends the enrolment-only limit), and the next token says so.
    /// </summary>
    public async Task RenewNowAsync(string id, HttpContext context)
    {
        var owner = Guid.NewGuid().ToString("N");
        var deadline = time.GetUtcNow() + WaitForOtherRefresh;
        while (!await store.TryLockRefreshAsync(id, owner, LockLifetime))
        {
            if (time.GetUtcNow() >= deadline)
            {
                return; // Someone else keeps renewing it; their token is as new as ours would be.
            }

            await Task.Delay(PollInterval, time, context.RequestAborted);
        }

        try
        {
            await RefreshLockedAsync(id, context, force: true);
        }
        finally
        {
            await store.ReleaseRefreshLockAsync(id, owner);
        }
    }

    private async Task<BrowserSession?> RefreshLockedAsync(string id, HttpContext context, bool force = false)
    {
        // Re-read under the lock: the previous holder may have just refreshed it.
        var current = await store.GetAsync(id);
        if (current is null || (!force && !NeedsRefresh(current)))
        {
            return current;
        }

        var outcome = await identity.RefreshAsync(current.RefreshToken, context);
        switch (outcome.Status)
        {
            case TokenStatus.Issued:
                var renewed = current.With(outcome.Tokens!);
                await store.SaveAsync(id, renewed);
                if (renewed.RememberMe)
                {
                    // A persistent cookie follows the rotated refresh token's lifetime.
                    SessionCookie.Append(context, id, renewed.RefreshExpiresAt);
                }

                return renewed;
            case TokenStatus.Rejected:
                await store.DeleteAsync(id);
                return null;
            default:
                return current;
        }
    }
}
