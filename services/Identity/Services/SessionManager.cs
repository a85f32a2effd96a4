using OpenIddict.Abstractions;

namespace Crm.Identity.Services;

/// <summary>
/// Ends sign-in sessions. A session is an OpenIddict authorization: revoking it stops its refresh token, and the
/// deny-list entry stops the access tokens already issued on it in every service at once.
/// </summary>
public sealed class SessionManager(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, TokenRevoker revoker)
{
    public async Task EndSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (await authorizations.FindByIdAsync(sessionId, cancellationToken) is { } authorization)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        await tokens.RevokeByAuthorizationIdAsync(sessionId, cancellationToken);
        await revoker.RevokeSessionAsync(sessionId);
    }

    /// <summary>Ends every session of the user, except optionally the caller's own.</summary>
    public async Task EndUserSessionsAsync(Guid userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        var sessions = new List<string>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId.ToString(), cancellationToken))
        {
            if (await authorizations.GetIdAsync(authorization, cancellationToken) is { } id && id != keepSessionId
                && await authorizations.HasStatusAsync(authorization, OpenIddictConstants.Statuses.Valid, cancellationToken))
            {
                sessions.Add(id);
            }
        }

        foreach (var session in sessions)
        {
            await EndSessionAsync(session, cancellationToken);
        }
    }
}
