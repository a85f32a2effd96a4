using System.Text.Json.Nodes;

namespace Crm.Gateway.Sessions;

public enum TokenStatus
{
    Issued,

    /// <summary>Identity refused the grant (wrong credentials; an expired, revoked or reused refresh token).</summary>
    Rejected,

    /// <summary>Identity found a field malformed (<c>invalid_request</c> with per-field <c>errors</c>).</summary>
    Invalid,

    /// <summary>Identity could not be asked, or answered something unreadable.</summary>
    Unavailable,
}

/// <param name="Body">Identity's answer as it came: the token answer, or the OAuth error with its extra fields.</param>
public sealed record TokenOutcome(TokenStatus Status, IssuedTokens? Tokens = null, JsonObject? Body = null);
