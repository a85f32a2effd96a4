namespace Crm.Identity.Services;

public sealed class SessionTokenOptions
{
    public const string Section = "Identity:Tokens";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan RememberMeLifetime { get; set; } = TimeSpan.FromDays(30);
}
