using System.Security.Cryptography;
using System.Text;
using Crm.Gateway.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Crm.Gateway.RateLimiting;

/// <summary>
/// Fixed-window login counters in Redis, so the limit holds across gateway replicas: one per client
/// IP (spraying many accounts) and one per IP and e-mail (guessing one account's password).
/// </summary>
public sealed class LoginRateLimiter(
    IConnectionMultiplexer redis,
    IOptionsMonitor<GatewayOptions> options,
    TimeProvider time,
    ILogger<LoginRateLimiter> logger)
{
    private const string KeyPrefix = "crm:ratelimit:login:";

    public async Task<RateLimitDecision> AcquireAsync(string clientIp, string? email)
    {
        var limits = options.CurrentValue.LoginRateLimit;
        var window = limits.Window > TimeSpan.Zero ? limits.Window : TimeSpan.FromMinutes(1);
        var (windowIndex, windowEnd) = FixedWindow.Of(time.GetUtcNow(), window);

        var ipKey = $"{KeyPrefix}ip:{clientIp}:{windowIndex}";
        // Hashed: the e-mail need not sit in Redis in clear, and the key length stays bounded.
        var pairKey = string.IsNullOrEmpty(email) ? null : $"{KeyPrefix}ip-email:{clientIp}:{Hash(email)}:{windowIndex}";

        try
        {
            // MULTI/EXEC: count and expiry together, so a crash cannot leave a counter without a TTL.
            var transaction = redis.GetDatabase().CreateTransaction();
            var ipCount = transaction.StringIncrementAsync(ipKey);
            _ = transaction.KeyExpireAsync(ipKey, windowEnd.UtcDateTime);
            Task<long>? pairCount = null;
            if (pairKey is not null)
            {
                pairCount = transaction.StringIncrementAsync(pairKey);
                _ = transaction.KeyExpireAsync(pairKey, windowEnd.UtcDateTime);
            }

            await transaction.ExecuteAsync();
            var overLimit = await ipCount > limits.PerIp || (pairCount is not null && await pairCount > limits.PerIpAndEmail);
            return overLimit ? RateLimitDecision.Reject(windowEnd - time.GetUtcNow()) : RateLimitDecision.Allow();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or TaskCanceledException)
        {
            // Fail open: Identity's own lockout still protects accounts; a Redis hiccup must not stop all logins.
            logger.LogWarning(ex, "Login rate limit not applied: Redis unavailable");
            return RateLimitDecision.Allow();
        }
    }

    private static string Hash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..32];
}
