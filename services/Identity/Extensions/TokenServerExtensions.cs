using Crm.Identity.Infrastructure;
using Crm.Identity.Services;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Identity.Extensions;

/// <summary>Identity as an OpenID Connect / OAuth 2.0 server (OpenIddict), its state in identitydb.</summary>
public static class TokenServerExtensions
{
    public const string GatewayClientId = "crm-gateway";

    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke");

                // Browsers sign in with the authorization code flow and PKCE, the gateway being the confidential
                // client that holds the tokens (backend for frontend).
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();

                // The password grant serves only POST /api/v1/auth/login (API.md), and only for the gateway's
                // confidential client: no browser or third party ever sees it (OAuth 2.1 drops it for public use).
                options.AllowPasswordFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);

                // Every service validates the access token itself against the JWKS: a signed JWT, not an encrypted one.
                options.DisableAccessTokenEncryption();
                // A refresh token is spent once; the gateway serialises refreshes per session, so no grace period.
                options.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                options.AddEventHandler(RefreshTokenReplayRevocation.Descriptor);

                // TLS ends at the gateway; the services talk plain HTTP on the private network.
                options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, TokenServerOptionsSetup>();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the gateway reaches the services (private network), and YARP sets these headers itself,
            // replacing whatever a client sent.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        builder.Services.AddSingleton<SigningKeyStore>();
        builder.Services.AddHostedService<ServerKeysLoader>();
        builder.Services.AddHostedService<GatewayClientRegistration>();
        builder.Services.AddHostedService<TokenPruning>();
        builder.Services.AddScoped<TokenGrants>();
        builder.Services.AddScoped<ApiClientCredentials>();
        builder.AddSignInCookie();
        return builder;
    }
}
