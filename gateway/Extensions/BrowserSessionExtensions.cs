using Crm.Gateway.RateLimiting;
using Crm.Gateway.Sessions;

namespace Crm.Gateway.Extensions;

/// <summary>Cookie sessions, token refresh, login rate limiting.</summary>
public static class BrowserSessionExtensions
{
    public static IServiceCollection AddBrowserSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionRefresher>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<IdentityTokenClient>(sp, GatewayProxyExtensions.CreateClient(sp)));
        services.AddSingleton<LoginRateLimiter>();
        services.AddSingleton<LoginEndpoint>();
        services.AddSingleton<LogoutEndpoint>();
        return services;
    }
}
