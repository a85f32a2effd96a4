namespace Crm.Gateway.RateLimiting;

public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow() => new(true, TimeSpan.Zero);

    public static RateLimitDecision Reject(TimeSpan retryAfter) => new(false, retryAfter);
}
