using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Http;

namespace Crm.Identity.Apis;

public static class RoleValidation
{
    /// <summary>A role is one of <see cref="Roles.All"/>, spelt exactly.</summary>
    public static ValidationErrors Role(this ValidationErrors errors, string? role, bool required)
    {
        if (role is null)
        {
            return required ? errors.Add("role", "Role is required.") : errors;
        }

        return Roles.All.Contains(role, StringComparer.Ordinal)
            ? errors
            : errors.Add("role", $"Role must be one of: {string.Join(", ", Roles.All)}.");
    }
}
