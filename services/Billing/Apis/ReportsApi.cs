using System.Globalization;
using Crm.Billing.Infrastructure;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Apis;

/// <summary>The 12-month retainer payment view (workflow 3).</summary>
public static class ReportsApi
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private static readonly IReadOnlyList<int> AllMonths = Enumerable.Range(1, 12).ToList();

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/retainer-payments", RetainerPaymentsAsync).WithTags("Reports");
        return app;
    }

    /// <summary>
    /// Completed retainer payments of the year, per account, summed by the month of their
    /// service_period_start: contract payments, and payments with a service period against orders that
    /// hold a retainer product. Accounts without such payments are left out, and so are the empty months
    /// of an account's <c>months</c>. Rows sort by account name; year defaults to the current one.
    /// </summary>
    public static async Task<Results<Ok<RetainerReport>, ValidationProblem>> RetainerPaymentsAsync(
        [FromQuery(Name = "year")] string? year, BillingDbContext db, OrderQueries queries, CancellationToken cancellationToken)
    {
        var wanted = OrderQueries.Today.Year;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out wanted) || wanted < MinYear || wanted > MaxYear)
            {
                return new ValidationErrors().Add("year", $"Year must be a year between {MinYear} and {MaxYear}.").ToProblem();
            }
        }

        var first = new DateOnly(wanted, 1, 1);
        var next = first.AddYears(1);
        var sums = await queries.PaymentRows()
            .Where(p => p.Status == PaymentStatus.Completed && p.ServicePeriodStart >= first && p.ServicePeriodStart < next)
            .Where(p => p.ContractId != null || db.OrderLineItems.Any(l => l.OrderId == p.OrderId && l.IsRetainerProduct))
            .GroupBy(p => new { p.AccountId, p.ServicePeriodStart!.Value.Month })
            .Select(g => new { g.Key.AccountId, g.Key.Month, Amount = g.Sum(p => p.Amount), AccountName = g.Max(p => p.AccountName) })
            .ToListAsync(cancellationToken);

        var rows = sums
            .GroupBy(s => s.AccountId)
            .Select(a => new RetainerReportRow(
                a.Key,
                a.Max(s => s.AccountName)!,
                a.OrderBy(s => s.Month).ToDictionary(s => s.Month.ToString(CultureInfo.InvariantCulture), s => s.Amount.ToString("0.00", CultureInfo.InvariantCulture)),
                a.Sum(s => s.Amount)))
            .OrderBy(r => r.AccountName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.AccountId)
            .ToList();
        return TypedResults.Ok(new RetainerReport(wanted, AllMonths, rows));
    }
}
