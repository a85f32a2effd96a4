using System.Security.Claims;

namespace Crm.ServiceDefaults.Auth;

public static class CurrentUser
{
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(CrmClaims.Subject), out var id) ? id : throw new InvalidOperationException("No user id in the token.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        $"{user.FindFirstValue(CrmClaims.GivenName)} {user.FindFirstValue(CrmClaims.FamilyName)}".Trim();
}
