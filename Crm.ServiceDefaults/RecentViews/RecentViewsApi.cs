using System.Security.Claims;
using Crm.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Crm.ServiceDefaults.RecentViews;

public static class RecentViewsApi
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    /// <summary>
    /// Service-internal (the gateway's recent search asks every service and merges): the caller's recently
    /// viewed records of this service, newest first, without the ones no longer visible.
    /// </summary>
    public static IEndpointRouteBuilder MapRecentViewsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/v1/recent", RecentAsync).WithTags("Recent");
        return app;
    }

    public static async Task<Ok<List<RecentRecord>>> RecentAsync(
        [FromQuery(Name = "limit")] int? limit,
        ClaimsPrincipal caller,
        RecentViewLog log,
        IRecentRecordSource source,
        CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        // Read a few more than asked: some may be deactivated since and are skipped.
        var views = await log.LatestAsync(caller.GetUserId(), take * 3, cancellationToken);
        var described = new Dictionary<(string, Guid), RecentRecordInfo>();
        foreach (var group in views.GroupBy(v => v.RecordType))
        {
            var infos = await source.DescribeAsync(group.Key, group.Select(v => v.RecordId).ToList(), cancellationToken);
            foreach (var (id, info) in infos)
            {
                described[(group.Key, id)] = info;
            }
        }

        var records = new List<RecentRecord>();
        foreach (var view in views)
        {
            if (records.Count < take && described.TryGetValue((view.RecordType, view.RecordId), out var info))
            {
                records.Add(new RecentRecord(info.Type, view.RecordId, info.Title, info.Subtitle, info.Url, view.ViewedAt));
            }
        }

        return TypedResults.Ok(records);
    }
}
