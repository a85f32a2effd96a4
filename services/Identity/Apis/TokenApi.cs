using Crm.Identity.Services;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
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

        if (request.IsRefreshTokenGrantType())
        {
            return await grants.RefreshAsync(http, cancellationToken);
        }

        if (request.IsClientCredentialsGrantType())
        {
            return await grants.ClientCredentialsAsync(request, cancellationToken);
        }

        return TokenGrants.Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }
}
