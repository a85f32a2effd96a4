using Crm.Identity.Services;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Identity.Apis;

/// <summary>
/// <c>POST /connect/token</c>: OpenIddict parses the request and authenticates the client, then passes it here to
/// decide what to grant. Discovery, JWKS and revocation are OpenIddict's own endpoints.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, TokenGrants grants, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        if (request.IsPasswordGrantType())
        {
            return await grants.PasswordAsync(request, cancellationToken);
        }

        if (request.IsRefreshTokenGrantType() || request.IsAuthorizationCodeGrantType())
        {
            return await grants.RedeemAsync(http, cancellationToken);
        }

        if (request.IsClientCredentialsGrantType())
        {
            return await grants.ClientCredentialsAsync(request, cancellationToken);
        }

        return TokenGrants.Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, TokenGrants grants, CancellationToken cancellationToken) =>
        await grants.AuthorizeAsync(http, http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict server request is missing."), cancellationToken);

    /// <summary>
    /// <c>/connect/endsession</c>: ends Identity's own browser sign-in (the tokens were revoked by
    /// <c>POST /api/v1/auth/logout</c> just before) and returns to the app's registered address.
    /// </summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(SignInCookie.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
