using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Crm.Gateway.Search;

/// <summary>
/// Global search, owned by the gateway: <c>GET /api/v1/search</c> asks Sales, Billing and Activities at once
/// (each its own types, with the caller's token) and merges their groups; <c>GET /api/v1/search/recent</c>
/// merges each service's recently opened records. A service that cannot answer is named in
/// <c>unavailable</c> and the others' results still come back (200, <c>partial: true</c>), never a 5xx.
/// </summary>
public static class SearchEndpoints
{
    public const string SearchPath = "/api/v1/search";
    public const string RecentPath = "/api/v1/search/recent";
    public const int DefaultRecentLimit = 10;

    public static WebApplication MapSearchEndpoints(this WebApplication app)
    {
        app.MapGet(SearchPath, SearchAsync);
        app.MapGet(RecentPath, RecentAsync);
        return app;
    }

    public static async Task<IResult> SearchAsync(
        [FromQuery] string? q,
        [FromQuery] string? types,
        [FromQuery] string? limit,
        SearchClient client,
        HttpContext context)
    {
        if (Authorization(context) is not { } authorization)
        {
            return TypedResults.Unauthorized();
        }

        var errors = new ValidationErrors();
        if (SearchRequest.Parse(q, types, limit, errors) is not { } request)
        {
            return errors.ToProblem();
        }

        var calls = SearchOwner.All
            .Select(owner => (Owner: owner, Types: request.Types.Where(t => SearchTypes.OwnerOf(t) == owner).ToList()))
            .Where(c => c.Types.Count > 0)
            .Select(async c => (c.Owner, Outcome: await client.SearchAsync(c.Owner, request, c.Types, authorization, context.RequestAborted)))
            .ToList();
        var outcomes = await Task.WhenAll(calls);
        if (outcomes.Any(o => o.Outcome.Unauthorized))
        {
            return TypedResults.Unauthorized();
        }

        var unavailable = outcomes.Where(o => !o.Outcome.Answered).Select(o => o.Owner.DisplayName).ToList();
        var groups = SearchMerge.Groups(
            outcomes.Where(o => o.Outcome.Answered).SelectMany(o => o.Outcome.Answer!.Groups),
            request.Types,
            byBestMatch: string.IsNullOrWhiteSpace(types));
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new SearchAnswer(request.Q, groups, unavailable.Count > 0, unavailable), SearchClient.Json);
    }

    public static async Task<IResult> RecentAsync([FromQuery] string? limit, SearchClient client, HttpContext context)
    {
        if (Authorization(context) is not { } authorization)
        {
            return TypedResults.Unauthorized();
        }

        var errors = new ValidationErrors();
        var size = SearchRequest.ParseLimit(limit, DefaultRecentLimit, SearchRequest.MaxLimit, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var outcomes = await Task.WhenAll(SearchOwner.All.Select(async owner =>
            (Owner: owner, Outcome: await client.RecentAsync(owner, size, authorization, context.RequestAborted))));
        if (outcomes.Any(o => o.Outcome.Unauthorized))
        {
            return TypedResults.Unauthorized();
        }

        var unavailable = outcomes.Where(o => !o.Outcome.Answered).Select(o => o.Owner.DisplayName).ToList();
        var items = SearchMerge.Recent(outcomes.Where(o => o.Outcome.Answered).SelectMany(o => o.Outcome.Answer!), size);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new RecentAnswer(items, unavailable.Count > 0, unavailable), SearchClient.Json);
    }

    /// <summary>The caller's bearer (the browser session's, put there by the session middleware), else null.</summary>
    private static string? Authorization(HttpContext context) =>
        context.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } value ? value : null;
}
