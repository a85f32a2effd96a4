using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.ServiceDefaults.RecentViews;

public static class RecentViewFilter
{
    /// <summary>
    /// Marks a <c>GET /{id}</c> as opening the record: a 200 answer records it in the caller's Recently Viewed
    /// (a 404 or a refusal does not).
    /// </summary>
    public static RouteHandlerBuilder RecordsRecentView(this RouteHandlerBuilder builder, string recordType) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (IsOk(result) && Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var id))
            {
                await http.RequestServices.GetRequiredService<RecentViewLog>().RecordAsync(http.User, recordType, id, http.RequestAborted);
            }

            return result;
        });

    private static bool IsOk(object? result) => result switch
    {
        INestedHttpResult nested => IsOk(nested.Result),
        IStatusCodeHttpResult status => status.StatusCode == StatusCodes.Status200OK,
        _ => false,
    };
}
