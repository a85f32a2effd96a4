using System.Security.Claims;
using Crm.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

public static class CallerDirectory
{
    /// <summary>
    /// Makes sure the caller has a directory entry, from their token, when Identity's event has not
    /// arrived yet (a user created a minute ago). Version 0, so the real event always replaces it.
    /// </summary>
    public static async Task EnsureCallerAsync(this DbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var id = caller.GetUserId();
        if (await db.Set<DirectoryUser>().AnyAsync(u => u.Id == id, cancellationToken))
        {
            return;
        }

        db.Set<DirectoryUser>().Add(new DirectoryUser
        {
            Id = id,
            Email = caller.FindFirstValue(CrmClaims.Email) ?? "",
            FirstName = caller.FindFirstValue(CrmClaims.GivenName) ?? "",
            LastName = caller.FindFirstValue(CrmClaims.FamilyName) ?? "",
            Role = caller.FindFirstValue(CrmClaims.Role) ?? "",
            IsActive = true,
            Version = 0,
            UpdatedAt = DateTime.UtcNow,
        });
    }
}
