using System.Security.Claims;
using Crm.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

public static class CallerDirectory
{
    /// <summary>
    /// Makes sure the caller has a directory entry, from their token, when Identity's event has not
    /// arrived yet (a user created a minute ago). Version 0, so the real event always replaces it;
    /// ON CONFLICT because the caller's parallel requests and that event may race to insert it.
    /// </summary>
    public static async Task EnsureCallerAsync(this DbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var id = caller.GetUserId();
        if (await db.Set<DirectoryUser>().AsNoTracking().AnyAsync(u => u.Id == id, cancellationToken))
        {
            return;
        }

        var email = caller.FindFirstValue(CrmClaims.Email) ?? "";
        var first = caller.FindFirstValue(CrmClaims.GivenName) ?? "";
        var last = caller.FindFirstValue(CrmClaims.FamilyName) ?? "";
        var role = caller.FindFirstValue(CrmClaims.Role) ?? "";
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO directory_users (id, email, first_name, last_name, role, is_active, version, updated_at)
            VALUES ({id}, {email}, {first}, {last}, {role}, true, 0, now())
            ON CONFLICT (id) DO NOTHING
            """,
            cancellationToken);
    }
}
