using System.Security.Claims;
using StackExchange.Redis;

namespace Crm.ServiceDefaults.Auth;

/// <summary>Answers whether a validated token has since been revoked (logout, deactivation, password change).</summary>
public sealed class TokenRevocationCheck(IConnectionMultiplexer redis)
{
    public async Task<bool> IsRevokedAsync(ClaimsPrincipal principal)
    {
        var jti = principal.FindFirstValue(CrmClaims.TokenId);
        var sid = principal.FindFirstValue(CrmClaims.SessionId);
        var sub = principal.FindFirstValue(CrmClaims.Subject);
        if (jti is null || sid is null || sub is null || !long.TryParse(principal.FindFirstValue(CrmClaims.IssuedAt), out var issuedAt))
        {
            return true;
        }

        var values = await redis.GetDatabase().StringGetAsync(
            [RevocationKeys.Token(jti), RevocationKeys.Session(sid), RevocationKeys.User(sub)]);
        if (values[0].HasValue || values[1].HasValue)
        {
            return true;
        }

        return values[2].HasValue && long.TryParse((string?)values[2], out var revokedBefore) && issuedAt < revokedBefore;
    }
}
