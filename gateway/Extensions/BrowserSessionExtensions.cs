using Crm.Gateway.Sessions;

namespace Crm.Gateway.Extensions;

/// <summary>Cookie sessions, token refresh, the login and logout steps, login rate limiting.</summary>
public static class BrowserSessionExtensions
{
    public static IServiceCollection AddBrowserSessions(this IServiceCollection services)
    {
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionRefresher>();
        services.AddHttpClient();
        services.AddSingleton<IdentityTokenClient>();
        services.AddSingleton<LogoutResponseTransform>();
        services.AddSingleton<SessionUpgradeTransform>();
        services.AddLoginRateLimiting();
        return services;
    }
}
