using Crm.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Crm.Identity.Services;

/// <summary>
/// The token server's issuer, lifetimes and keys. The issuer is the public address of the CRM (the gateway), where
/// <c>/.well-known/openid-configuration</c> is served; the keys come from identitydb (<see cref="SigningKeyStore"/>).
/// </summary>
public sealed class TokenServerOptionsSetup(SigningKeyStore keys, IOptions<SessionTokenOptions> lifetimes, IConfiguration configuration)
    : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.Issuer = TokenIssuer.From(configuration);
        options.AccessTokenLifetime = lifetimes.Value.AccessTokenLifetime;
        options.RefreshTokenLifetime = lifetimes.Value.RefreshTokenLifetime;
        foreach (var key in keys.Keys.Signing)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in keys.Keys.Encryption)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
