using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Search;

/// <summary>
/// <c>GET /internal/v1/search?q=&amp;types=&amp;limit=</c>: a service's part of global search, the types it owns.
/// Internal (the gateway's public <c>/api/v1/search</c> fans out to it and no public route leads here); the
/// caller's own token, so it answers what that user's list endpoints would show.
/// </summary>
public static class SearchApi
{
    public const string Path = "/internal/v1/search";

    public static IEndpointRouteBuilder MapSearchApi<TContext>(this IEndpointRouteBuilder app, params SearchSource[] sources)
        where TContext : DbContext
    {
        app.MapGet(Path, async Task<Results<Ok<SourceAnswer>, ValidationProblem>> (
                [FromQuery] string? q,
                [FromQuery] string? types,
                [FromQuery] string? limit,
                TContext db,
                CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                if (SearchRequest.Parse(q, types, limit, errors) is not { } request)
                {
                    return errors.ToProblem();
                }

                return TypedResults.Ok(new SourceAnswer(await SearchRunner.RunAsync(db, sources, request, cancellationToken)));
            })
            .WithTags("Search")
            .RequireAuthorization();
        return app;
    }
}
