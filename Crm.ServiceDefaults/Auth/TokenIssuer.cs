using Microsoft.Extensions.Configuration;

namespace Crm.ServiceDefaults.Auth;

/// <summary>
/// The tokens' issuer: the CRM's public address (the gateway, where the discovery document is served), the same
/// for Identity, which signs, and every service, which validates.
/// </summary>
public static class TokenIssuer
{
    public static Uri From(IConfiguration configuration) =>
        new((configuration["Crm:PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:8080").TrimEnd('/') + "/");
}
