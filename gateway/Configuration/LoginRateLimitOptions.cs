namespace Crm.Gateway.Configuration;

/// <summary>
/// Fixed-window limits per client IP (spraying many accounts) and per IP and e-mail (guessing one account's password,
/// or flooding one inbox with reset links). Counted by each gateway process: Identity's lockout is what holds across
/// replicas. Used for login and for "Forgot password?" (<see cref="GatewayOptions.ForgotPasswordRateLimit"/>).
/// </summary>
public sealed class LoginRateLimitOptions
{
    public int PerIpAndEmail { get; set; } = 5;

    public int PerIp { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
