using Crm.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Crm.Identity.Services;

/// <summary>Writes the Redis deny-list every service checks, so a revoked access token stops working at once.</summary>
public sealed class TokenRevoker(IConnectionMultiplexer redis, IOptions<SessionTokenOptions> options)
{
    // Entries only need to outlive the longest access token they could refuse.
    private TimeSpan Ttl => options.Value.AccessTokenLifetime + TimeSpan.FromMinutes(2);

    public Task RevokeSessionAsync(string sessionId) =>
        redis.GetDatabase().StringSetAsync(RevocationKeys.Session(sessionId), "1", Ttl);

    public Task RevokeTokenAsync(string jti) =>
        redis.GetDatabase().StringSetAsync(RevocationKeys.Token(jti), "1", Ttl);

    /// <summary>Refuses every token of the user issued up to now (deactivation).</summary>
    public Task RevokeUserAsync(Guid userId, DateTime now) =>
        redis.GetDatabase().StringSetAsync(
            RevocationKeys.User(userId.ToString()),
            (new DateTimeOffset(now).ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Ttl);
}
