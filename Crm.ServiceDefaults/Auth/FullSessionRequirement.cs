using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Crm.ServiceDefaults.Auth;

/// <summary>
/// Part of every policy (default, fallback, admin): a token carrying <see cref="CrmClaims.MfaEnrolmentRequired"/>
/// is refused (403) on every endpoint but those marked <see cref="AllowDuringTwoFactorEnrolmentAttribute"/>. One rule
/// in the shared defaults, so no service can forget it on a route of its own.
/// </summary>
public sealed class FullSessionRequirement : AuthorizationHandler<FullSessionRequirement>, IAuthorizationRequirement
{
    public static bool IsEnrolmentSession(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == CrmClaims.MfaEnrolmentRequired && c.Value == "true");

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FullSessionRequirement requirement)
    {
        var endpoint = context.Resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint e => e,
            _ => null,
        };
        if (!IsEnrolmentSession(context.User) || endpoint?.Metadata.GetMetadata<AllowDuringTwoFactorEnrolmentAttribute>() is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
