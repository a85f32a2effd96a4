using Crm.Identity.Apis;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Identity.Services;

/// <summary>Starts, refreshes and ends login sessions (an access token plus a rotating refresh token).</summary>
public sealed class SessionManager(
    IdentityDbContext db, AccessTokenIssuer issuer, TokenRevoker revoker, TwoFactorRequirement twoFactor, IOptions<SessionTokenOptions> options)
{
    /// <param name="enrolmentRequired">the session may only enrol in two-factor sign-in (its tokens say so).</param>
    public async Task<TokenResponse> StartAsync(User user, bool rememberMe, bool enrolmentRequired, DateTime now, CancellationToken cancellationToken)
    {
        var sessionId = Guid.NewGuid();
        var (refresh, refreshRow) = NewRefreshToken(user.Id, sessionId, rememberMe, now);
        db.RefreshTokens.Add(refreshRow);
        await db.SaveChangesAsync(cancellationToken);
        var (token, expires) = await issuer.IssueAsync(user, sessionId, enrolmentRequired, now, cancellationToken);
        return new TokenResponse(token, expires, refresh, refreshRow.ExpiresAt, rememberMe, UserSummary.From(user), enrolmentRequired);
    }

    /// <summary>
    /// Replaces a session limited to enrolment by a full one once two factors are on: the old session ends (its tokens
    /// are refused at once), the new one keeps its "remember me".
    /// </summary>
    public async Task<TokenResponse> UpgradeAsync(User user, Guid limitedSessionId, DateTime now, CancellationToken cancellationToken)
    {
        var rememberMe = await db.RefreshTokens.Where(t => t.SessionId == limitedSessionId).Select(t => t.RememberMe).FirstOrDefaultAsync(cancellationToken);
        await EndSessionAsync(limitedSessionId, now, cancellationToken);
        return await StartAsync(user, rememberMe, enrolmentRequired: false, now, cancellationToken);
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
        // Asked again at every refresh: a session started before an admin required two factors becomes limited to
        // enrolment within one access token's lifetime, and one that has since enrolled becomes a full one.
        var enrolmentRequired = await twoFactor.IsEnrolmentRequiredAsync(user.Id, cancellationToken);
        var (token, expires) = await issuer.IssueAsync(user, current.SessionId, enrolmentRequired, now, cancellationToken);
        return new TokenResponse(token, expires, refresh, next.ExpiresAt, current.RememberMe, UserSummary.From(user), enrolmentRequired);
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
