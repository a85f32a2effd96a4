namespace Crm.Gateway.Sessions;

public enum RefreshStatus
{
    Refreshed,

    /// <summary>Identity refused the refresh token (expired, revoked, reused): the session is over.</summary>
    Rejected,

    /// <summary>Identity could not be asked: keep the session, try again on the next request.</summary>
    Unavailable,
}

public sealed record RefreshOutcome(RefreshStatus Status, IssuedTokens? Tokens = null);
