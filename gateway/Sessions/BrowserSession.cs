using System.Text.Json;

namespace Crm.Gateway.Sessions;

/// <summary>
/// What Redis holds under <c>crm:session:&lt;id&gt;</c>. The refresh token never leaves the gateway;
/// the browser only holds the opaque id in the <c>crm_session</c> cookie.
/// </summary>
public sealed record BrowserSession(
    string AccessToken,
    DateTimeOffset AccessExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshExpiresAt,
    string? UserId,
    bool RememberMe)
{
    /// <summary>snake_case in Redis, like everything else the services read and write.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static BrowserSession From(IssuedTokens tokens, bool rememberMe) =>
        new(tokens.AccessToken, tokens.AccessExpiresAt, tokens.RefreshToken, tokens.RefreshExpiresAt, tokens.UserId, rememberMe);

    public BrowserSession With(IssuedTokens tokens) => this with
    {
        AccessToken = tokens.AccessToken,
        AccessExpiresAt = tokens.AccessExpiresAt,
        RefreshToken = tokens.RefreshToken,
        RefreshExpiresAt = tokens.RefreshExpiresAt,
        UserId = tokens.UserId ?? UserId,
    };
}
