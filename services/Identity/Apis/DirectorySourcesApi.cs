using Crm.Contracts.Identity;
using Crm.Identity.Infrastructure;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Apis;

/// <summary>Identity's users as the other services' directories copy them (<c>./crm events reconcile</c>).</summary>
public static class DirectorySourcesApi
{
    public static IEndpointRouteBuilder MapDirectorySourcesApi(this IEndpointRouteBuilder app)
    {
        app.MapDirectorySource<IdentityDbContext, UserSnapshot>(DirectorySource.Users, UsersAsync, u => u.UserId);
        return app;
    }

    private static Task<List<UserSnapshot>> UsersAsync(IdentityDbContext db, Guid after, int limit, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id.CompareTo(after) > 0)
            .OrderBy(u => u.Id)
            .Take(limit)
            .Select(u => new UserSnapshot(u.Id, u.Email, u.FirstName, u.LastName, u.Role, u.IsActive, u.Version))
            .ToListAsync(ct);
}
