using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// Service-internal (not routed by the gateway), on the service that owns the records: every record of
/// one kind as its events describe it, page by page, so another service can rebuild its directory
/// (<see cref="DirectoryReconcileApi"/>). Admins only: the reconciling service forwards the caller's token.
/// </summary>
public static class DirectorySourceApi
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    /// <param name="page">The snapshots of up to <c>limit</c> records whose id sorts after <c>after</c>, in id order.</param>
    /// <param name="idOf">The record id of a snapshot (the next page starts after the last one).</param>
    public static RouteHandlerBuilder MapDirectorySource<TContext, TSnapshot>(
        this IEndpointRouteBuilder app,
        DirectorySource source,
        Func<TContext, Guid, int, CancellationToken, Task<List<TSnapshot>>> page,
        Func<TSnapshot, Guid> idOf)
        where TContext : DbContext
    {
        // Through a Delegate variable: the route analyzer cannot follow a generic lambda.
        Delegate handler = async Task<Results<Ok<DirectorySourcePage<TSnapshot>>, ValidationProblem>> (
            [FromQuery] Guid? after,
            [FromQuery] int? limit,
            TContext db,
            CancellationToken cancellationToken) =>
        {
            var size = limit ?? DefaultLimit;
            if (size is < 1 or > MaxLimit)
            {
                return new ValidationErrors().Add("limit", $"Limit must be between 1 and {MaxLimit}.").ToProblem();
            }

            // Guid.Empty sorts first, and no record has it.
            var items = await page(db, after ?? Guid.Empty, size, cancellationToken);
            return TypedResults.Ok(new DirectorySourcePage<TSnapshot>(items, items.Count == size ? idOf(items[^1]) : null));
        };
        return app.MapGet(source.Path, handler).WithTags("Directory").RequireAuthorization(Policies.Admin);
    }
}
