using System.Security.Claims;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Http;

namespace Crm.Sales.Apis;

/// <summary>The <c>owner_id</c> list filter: a user id, or "me" for the caller.</summary>
public static class OwnerFilter
{
    public static Guid? Parse(string? ownerId, ClaimsPrincipal caller, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(ownerId))
        {
            return null;
        }

        if (ownerId == "me")
        {
            return caller.GetUserId();
        }

        if (Guid.TryParse(ownerId, out var id))
        {
            return id;
        }

        errors.Add("owner_id", "Owner must be a user id or \"me\".");
        return null;
    }
}
