namespace Crm.Gateway.Configuration;

/// <summary>The <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Folder of the built SPA; unset means <c>&lt;repo&gt;/web/dist</c>.</summary>
    public string? SpaRoot { get; set; }

    /// <summary>The gateway's secret as Identity's confidential client (<c>crm-gateway</c>); the AppHost sets it.</summary>
    public string? ClientSecret { get; set; }

    public LoginRateLimitOptions LoginRateLimit { get; set; } = new();

    /// <summary>
    /// The same kind of limit on "Forgot password?": each request mails someone a link, so one address may not flood
    /// an inbox (per IP and e-mail) nor walk through many (per IP). Tighter than login: a person asks once or twice.
    /// </summary>
    public LoginRateLimitOptions ForgotPasswordRateLimit { get; set; } = new() { PerIpAndEmail = 3, PerIp = 20 };

    /// <summary>The HTTPS port plain HTTP is redirected to; unset: the gateway serves HTTP only.</summary>
    public int? HttpsPort { get; set; }
}
