namespace Crm.Gateway.Configuration;

/// <summary>
/// Fixed-window login limits per client IP (spraying many accounts) and per IP and e-mail (guessing one
/// account's password). Counted by each gateway process: Identity's lockout is what holds across replicas.
/// </summary>
public sealed class LoginRateLimitOptions
{
    public int PerIpAndEmail { get; set; } = 5;

    public int PerIp { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
