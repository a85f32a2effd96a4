using System.Security.Claims;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Http;

namespace Crm.ServiceDefaults.Lists;

/// <summary>A list filter naming a user: a user id, or "me" for the caller.</summary>
public static class UserFilter
{
    public const string Me = "me";

    public static Guid? Parse(string? value, string field, string label, ClaimsPrincipal caller, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value == Me)
        {
            return caller.GetUserId();
        }

        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(field, $"{label} must be a user id or \"me\".");
        return null;
    }
}
