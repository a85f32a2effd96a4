using System.Security.Cryptography;
using Crm.Identity.Model;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Identity.Services;

/// <summary>
/// An API client's OAuth side: its OpenIddict application (confidential, client credentials only), whose secret
/// OpenIddict stores hashed. Saved together with the pending <see cref="ApiClient"/> change in the same context.
/// </summary>
public sealed class ApiClientCredentials(IOpenIddictApplicationManager applications)
{
    /// <returns>The new secret, to be shown once.</returns>
    public async Task<string> RegisterAsync(ApiClient client, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.Name,
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        }, cancellationToken);
        return secret;
    }

    /// <returns>The new secret; the old one no longer authenticates the client.</returns>
    public async Task<string> RotateAsync(ApiClient client, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(client.ClientId, cancellationToken)
            ?? throw new InvalidOperationException($"API client {client.ClientId} has no OpenIddict application.");
        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, cancellationToken);
        return secret;
    }

    /// <summary>256 random bits, URL-safe.</summary>
    private static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
