namespace Crm.Gateway.Configuration;

/// <summary>Fixed-window login limits, counted in Redis so every gateway replica shares them.</summary>
public sealed class LoginRateLimitOptions
{
    public int PerIpAndEmail { get; set; } = 5;

    public int PerIp { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
