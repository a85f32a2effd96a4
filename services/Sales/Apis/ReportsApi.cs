using System.Security.Claims;
using Crm.Sales.Infrastructure;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

/// <summary>
/// The pipeline and won-revenue reports: aggregates computed by PostgreSQL (GROUP BY over the deals and their
/// lines), never rows loaded into memory. Readable by everyone who can read the opportunity list.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").WithTags("Reports");
        api.MapGet("/pipeline", PipelineAsync);
        api.MapGet("/won-revenue", WonRevenueAsync);
        return app;
    }

    /// <summary>
    /// Opportunities by stage, with count, amount (the sum of their lines) and weighted amount (amount ×
    /// probability), narrowed by owner (<c>me</c> allowed) and close date (<c>close_from</c>, <c>close_to</c>,
    /// both included; deals without a close date fall outside any range).
    /// </summary>
    public static async Task<Results<Ok<PipelineReport>, ValidationProblem>> PipelineAsync(
        [FromQuery(Name = "owner_id")] string? ownerId,
        [FromQuery(Name = "close_from")] string? closeFrom,
        [FromQuery(Name = "close_to")] string? closeTo,
        ClaimsPrincipal caller,
        SalesDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var owner = OwnerFilter.Parse(ownerId, caller, errors);
        var (from, to) = CloseDateRange.Parse(closeFrom, closeTo, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var deals = db.Opportunities.AsNoTracking();
        if (owner is { } o)
        {
            deals = deals.Where(d => d.OwnerId == o);
        }

        if (from is { } f)
        {
            deals = deals.Where(d => d.CloseDate >= f);
        }

        if (to is { } t)
        {
            deals = deals.Where(d => d.CloseDate <= t);
        }

        var stages = await (
            from d in deals
            join l in db.OpportunityLineItems on d.Id equals l.OpportunityId into lines
            from l in lines.DefaultIfEmpty()
            group new { d.Id, d.Probability, Amount = l == null ? 0m : l.Quantity * l.SalePrice } by d.Stage into g
            select new PipelineStage(
                g.Key,
                g.Select(x => x.Id).Distinct().Count(),
                g.Sum(x => x.Amount),
                g.Sum(x => x.Amount * x.Probability) / 100m))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(PipelineReport.From(stages));
    }

    /// <summary>
    /// Closed Won opportunities whose close date falls in <c>year</c> (default: this year), by month: count
    /// and amount. A deal reopened to an open stage is no longer Closed Won, so it leaves this report.
    /// </summary>
    public static async Task<Results<Ok<WonRevenueReport>, ValidationProblem>> WonRevenueAsync(
        [FromQuery(Name = "year")] string? year,
        [FromQuery(Name = "owner_id")] string? ownerId,
        ClaimsPrincipal caller,
        SalesDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var wanted = YearFilter.Parse(year, DateOnly.FromDateTime(DbClock.UtcNow), errors);
        var owner = OwnerFilter.Parse(ownerId, caller, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var first = new DateOnly(wanted!.Value, 1, 1);
        var last = new DateOnly(wanted.Value, 12, 31);
        var won = db.Opportunities.AsNoTracking()
            .Where(d => d.Stage == OpportunityStage.ClosedWon && d.CloseDate >= first && d.CloseDate <= last);
        if (owner is { } o)
        {
            won = won.Where(d => d.OwnerId == o);
        }

        var months = await (
            from d in won
            join l in db.OpportunityLineItems on d.Id equals l.OpportunityId into lines
            from l in lines.DefaultIfEmpty()
            group new { d.Id, Amount = l == null ? 0m : l.Quantity * l.SalePrice } by d.CloseDate!.Value.Month into g
            select new WonRevenueMonth(g.Key, g.Select(x => x.Id).Distinct().Count(), g.Sum(x => x.Amount)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(WonRevenueReport.From(wanted.Value, months));
    }
}
