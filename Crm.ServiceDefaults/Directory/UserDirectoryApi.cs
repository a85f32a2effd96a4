using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

public static class UserDirectoryApi
{
    /// <summary>
    /// Service-internal (not routed by the gateway): what this service knows of a user. Lets
    /// operators and tests see that Identity's events arrived.
    /// </summary>
    public static IEndpointRouteBuilder MapUserDirectoryApi<TContext>(this IEndpointRouteBuilder app)
        where TContext : DbContext
    {
        // Through a Delegate variable: the route analyzer cannot follow a generic method group.
        Delegate handler = GetUserAsync<TContext>;
        app.MapGet("/internal/v1/directory/users/{id:guid}", handler).WithTags("Directory");
        return app;
    }

    public static async Task<Results<Ok<DirectoryUser>, NotFound>> GetUserAsync<TContext>(Guid id, TContext db, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var user = await db.Set<DirectoryUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(user);
    }
}
