using System.Security.Claims;
using Crm.Activities.Infrastructure;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Apis;

/// <summary>The cases report: aggregates computed by PostgreSQL (GROUP BY, percentile_cont), readable by everyone who can read the case list.</summary>
public static class CaseReportsApi
{
    public static IEndpointRouteBuilder MapCaseReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/cases", CasesAsync).WithTags("Reports");
        return app;
    }

    /// <summary>
    /// Cases created from <c>from</c> to <c>to</c> (days, both included, UTC) and owned by <c>owner_id</c> (<c>me</c>
    /// allowed), by status and by priority; the accounts with the most of them still open; and the median
    /// time to close of the owner's cases closed within those days.
    /// </summary>
    public static async Task<Results<Ok<CaseReport>, ValidationProblem>> CasesAsync(
        [FromQuery(Name = "from")] string? from,
        [FromQuery(Name = "to")] string? to,
        [FromQuery(Name = "owner_id")] string? ownerId,
        ClaimsPrincipal caller,
        ActivitiesDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (first, last) = DateFilter.ParseRange(from, to, ("from", "From"), ("to", "To"), errors);
        var owner = UserFilter.Parse(ownerId, "owner_id", "Owner", caller, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        // The days as moments: [first midnight UTC, the midnight after the last day).
        DateTime? start = first?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        DateTime? end = last?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var cases = db.Cases.AsNoTracking();
        if (owner is { } o)
        {
            cases = cases.Where(c => c.OwnerId == o);
        }

        var created = cases;
        if (start is { } s)
        {
            created = created.Where(c => c.CreatedAt >= s);
        }

        if (end is { } e)
        {
            created = created.Where(c => c.CreatedAt < e);
        }

        var byStatus = await created.GroupBy(c => c.Status).Select(g => new CaseStatusCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        var byPriority = await created.GroupBy(c => c.Priority).Select(g => new CasePriorityCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        var top = await created.Where(c => c.Status != CaseStatus.Closed)
            .GroupBy(c => c.AccountId)
            .Select(g => new { AccountId = g.Key, Count = g.Count() })
            .OrderByDescending(a => a.Count).ThenBy(a => a.AccountId)
            .Take(CaseReport.TopAccountCount)
            .ToListAsync(cancellationToken);
        var names = await db.RecordNamesAsync(top.Select(a => (RecordTypes.Account, a.AccountId)), cancellationToken);
        var topAccounts = top.Select(a => new CaseAccountCount(a.AccountId, names.GetValueOrDefault((RecordTypes.Account, a.AccountId), ""), a.Count)).ToList();

        // 'Closed' is how the status column stores CaseStatus.Closed; a closed case always has closed_at.
        var median = await db.Database.SqlQuery<double?>($"""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at)::float8) / 3600 AS "Value"
            FROM cases
            WHERE status = 'Closed'
              AND ({owner}::uuid IS NULL OR owner_id = {owner})
              AND ({start}::timestamptz IS NULL OR closed_at >= {start})
              AND ({end}::timestamptz IS NULL OR closed_at < {end})
            """).SingleAsync(cancellationToken);

        return TypedResults.Ok(new CaseReport(
            CaseReport.AllStatuses(byStatus),
            CaseReport.AllPriorities(byPriority),
            topAccounts,
            median is { } hours ? Math.Round(hours, 2) : null));
    }
}
