using Crm.Identity.Extensions;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Identity.Services;

/// <summary>
/// Registers the gateway as a confidential client on every start, with the secret this run was given
/// (<c>Identity:GatewayClientSecret</c>): the gateway signs browsers and scripts in on their behalf.
/// </summary>
public sealed class GatewayClientRegistration(IServiceProvider services, IConfiguration configuration, ILogger<GatewayClientRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var secret = configuration["Identity:GatewayClientSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            logger.LogWarning("Identity:GatewayClientSecret is not set: the gateway cannot sign anyone in");
            return;
        }

        using var scope = services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = TokenServerExtensions.GatewayClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "CRM gateway",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Prefixes.Scope + Scopes.OpenId,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        // The gateway's public origins (http and https): where a browser comes back with its code, and after logout.
        foreach (var origin in GatewayOrigins(configuration))
        {
            descriptor.RedirectUris.Add(new Uri(origin + "/auth/callback"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(origin + "/"));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await applications.FindByClientIdAsync(descriptor.ClientId, cancellationToken) is { } existing)
                {
                    // The secret changes when the data dir's secret does; the update re-hashes it.
                    await applications.UpdateAsync(existing, descriptor, cancellationToken);
                }
                else
                {
                    await applications.CreateAsync(descriptor, cancellationToken);
                }

                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is Microsoft.EntityFrameworkCore.DbUpdateException or OpenIddictExceptions.ConcurrencyException)
            {
                // Another replica registered or updated it at the same moment: read it again.
                logger.LogInformation(ex, "Gateway client registration raced another replica (attempt {Attempt})", attempt);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><c>Identity:GatewayOrigins</c> (';'-separated), else the public address alone.</summary>
    public static IEnumerable<string> GatewayOrigins(IConfiguration configuration) =>
        (configuration["Identity:GatewayOrigins"] is { Length: > 0 } origins ? origins : configuration["Crm:PublicUrl"] ?? "http://localhost:8080")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
