using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Crm.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer tokens validated against Identity's discovery document, and refused when revoked.
    /// Every endpoint requires an authenticated caller unless it says AllowAnonymous.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        var identityUrl = builder.Configuration["services:identity:http:0"];
        builder.Services.AddSingleton<TokenRevocationCheck>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                if (!string.IsNullOrWhiteSpace(identityUrl))
                {
                    options.MetadataAddress = $"{identityUrl.TrimEnd('/')}/.well-known/openid-configuration";
                }

                options.RequireHttpsMetadata = false;
                options.MapInboundClaims = false;
                options.RefreshOnIssuerKeyNotFound = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.From(builder.Configuration).AbsoluteUri,
                    ValidAudience = CrmClaims.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    NameClaimType = CrmClaims.Subject,
                    RoleClaimType = CrmClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var check = context.HttpContext.RequestServices.GetRequiredService<TokenRevocationCheck>();
                        try
                        {
                            if (await check.IsRevokedAsync(context.Principal!))
                            {
                                context.Fail("The token has been revoked.");
                            }
                        }
                        catch (Exception ex)
                        {
                            // Fail closed: without the deny-list we cannot tell a revoked token from a good one.
                            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                                .CreateLogger("Crm.Auth").LogWarning(ex, "Revocation check failed");
                            context.Fail("The token could not be checked.");
                        }
                    },
                };
            });

        // Every policy also refuses a session limited to two-factor enrolment (FullSessionRequirement): the default one
        // (RequireAuthorization()), the fallback (endpoints that name none) and the admin one.
        var fullSession = new FullSessionRequirement();
        builder.Services.AddSingleton<IAuthorizationHandler>(fullSession);
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(fullSession).Build();
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(signedIn)
            .SetFallbackPolicy(signedIn)
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin).AddRequirements(fullSession));
        return builder;
    }
}
