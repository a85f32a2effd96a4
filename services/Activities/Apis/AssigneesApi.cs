using Crm.Activities.Infrastructure;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Apis;

/// <summary>
/// The "Assigned To" and "Case Owner" lookups: active users by name or email, from the local user
/// directory. Every signed-in user may assign work to a colleague; only admins may list users in Identity.
/// </summary>
public static class AssigneesApi
{
    public const int MaxResults = 20;

    public static IEndpointRouteBuilder MapAssigneesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/activities/assignees", SearchAsync).WithTags("Activities");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AssigneeResponse>>> SearchAsync([FromQuery(Name = "q")] string? q, ActivitiesDbContext db, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = QueryableListExtensions.LikePattern(q.Trim());
            users = users.Where(u => EF.Functions.ILike(u.FirstName + " " + u.LastName, pattern, QueryableListExtensions.LikeEscape)
                || EF.Functions.ILike(u.Email, pattern, QueryableListExtensions.LikeEscape));
        }

        IReadOnlyList<AssigneeResponse> found = await users
            .OrderBy(u => u.FirstName.ToLower()).ThenBy(u => u.LastName.ToLower()).ThenBy(u => u.Id)
            .Take(MaxResults)
            .Select(u => new AssigneeResponse(u.Id, (u.FirstName + " " + u.LastName).Trim(), u.Email))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(found);
    }
}

/// <summary>A user someone may assign an activity or a case to.</summary>
public sealed record AssigneeResponse(Guid Id, string Name, string Email);
