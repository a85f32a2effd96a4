using Crm.ServiceDefaults.Auth;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Crm.Identity.Services;

/// <summary>
/// A refresh token (or code) presented a second time means someone holds a copy. OpenIddict then revokes every token of the
/// session in identitydb; this also puts the session on the deny-list every service checks, so the access tokens
/// already issued on it stop working at once instead of at their expiry.
/// </summary>
public sealed class RefreshTokenReplayRevocation(IOpenIddictTokenManager tokens, TokenRevoker revoker) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseScopedHandler<RefreshTokenReplayRevocation>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        // Any redeemed token presented again (a refresh token, or an authorization code) ends its session.
        if (string.IsNullOrEmpty(context.TokenId) || context.Principal is not { } principal
            || (principal.GetClaim(CrmClaims.SessionId) ?? context.AuthorizationId) is not { Length: > 0 } session)
        {
            return;
        }

        if (await tokens.FindByIdAsync(context.TokenId) is { } entry && await tokens.HasStatusAsync(entry, Statuses.Redeemed))
        {
            await revoker.RevokeSessionAsync(session);
        }
    }
}
