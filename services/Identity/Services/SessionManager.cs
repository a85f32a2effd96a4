using Crm.Identity.Apis;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Identity.Services;

/// <summary>Starts, refreshes and ends login sessions (an access token plus a rotating refresh token).</summary>
public sealed class SessionManager(IdentityDbContext db, AccessTokenIssuer issuer, TokenRevoker revoker, IOptions<SessionTokenOptions> options)
{
    public async Task<TokenResponse> StartAsync(User user, bool rememberMe, DateTime now, CancellationToken cancellationToken)
    {
        var sessionId = Guid.NewGuid();
        var (refresh, refreshRow) = NewRefreshToken(user.Id, sessionId, rememberMe, now);
        db.RefreshTokens.Add(refreshRow);
        await db.SaveChangesAsync(cancellationToken);
        var (token, expires) = await issuer.IssueAsync(user, sessionId, now, cancellationToken);
        return new TokenResponse(token, expires, refresh, refreshRow.ExpiresAt, rememberMe, UserSummary.From(user));
    }

    /// <returns>null when the refresh token is unknown, expired, revoked or reused (the session is then revoked).</returns>
    public async Task<TokenResponse?> RefreshAsync(string presented, DateTime now, CancellationToken cancellationToken)
    {
        var current = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == SecretTokens.Hash(presented), cancellationToken);
        if (current is null)
        {
            return null;
        }

        if (current.WasReplaced)
        {
            // A rotated token came back: someone holds a copy. End the whole session.
            await EndSessionAsync(current.SessionId, now, cancellationToken);
            return null;
        }

        var user = await db.Users.FindAsync([current.UserId], cancellationToken);
        if (!current.IsUsable(now) || user is null || !user.IsActive)
        {
            return null;
        }

        var (refresh, next) = NewRefreshToken(user.Id, current.SessionId, current.RememberMe, now);
        db.RefreshTokens.Add(next);
        current.ReplaceWith(next, now);
        await db.SaveChangesAsync(cancellationToken);
        var (token, expires) = await issuer.IssueAsync(user, current.SessionId, now, cancellationToken);
        return new TokenResponse(token, expires, refresh, next.ExpiresAt, current.RememberMe, UserSummary.From(user));
    }

    public async Task EndSessionAsync(Guid sessionId, DateTime now, CancellationToken cancellationToken)
    {
        await db.RefreshTokens.Where(t => t.SessionId == sessionId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        await revoker.RevokeSessionAsync(sessionId.ToString("N"));
    }

    /// <summary>Ends every session of the user, except optionally the caller's own.</summary>
    public async Task EndUserSessionsAsync(Guid userId, Guid? keepSessionId, DateTime now, CancellationToken cancellationToken)
    {
        var sessions = await db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && t.SessionId != keepSessionId)
            .Select(t => t.SessionId).Distinct().ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            await EndSessionAsync(session, now, cancellationToken);
        }
    }

    private (string Token, RefreshToken Row) NewRefreshToken(Guid userId, Guid sessionId, bool rememberMe, DateTime now)
    {
        var token = SecretTokens.New();
        var lifetime = rememberMe ? options.Value.RememberMeLifetime : options.Value.RefreshTokenLifetime;
        return (token, RefreshToken.Issue(userId, sessionId, SecretTokens.Hash(token), rememberMe, now, lifetime));
    }
}
