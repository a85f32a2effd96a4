using System.Globalization;
using System.Security.Claims;
using System.Text;
using Crm.Billing.Infrastructure;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Apis;

/// <summary>The 12-month retainer payment view (workflow 3), as JSON and as CSV; the receivables by age.</summary>
public static class ReportsApi
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private static readonly IReadOnlyList<int> AllMonths = Enumerable.Range(1, 12).ToList();

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/retainer-payments", RetainerPaymentsAsync).WithTags("Reports");
        app.MapGet("/api/v1/reports/retainer-payments.csv", RetainerPaymentsCsvAsync).WithTags("Reports");
        app.MapGet("/api/v1/reports/receivables", ReceivablesAsync).WithTags("Reports");
        return app;
    }

    /// <summary>
    /// Completed retainer payments of the year, per account, summed by the month of their
    /// service_period_start: contract payments, and payments with a service period against orders that
    /// hold a retainer product. Beside them, what the account's contracts' schedules expect per month
    /// (by period start; Terminated contracts expect nothing after the day they were terminated) and the
    /// overdue months: those in which a period starts that its contract's schedule calls Overdue (the
    /// period has ended and the payments for it fall short). Accounts with neither payments nor
    /// expected amounts are left out, and so are the empty months of each map. Rows sort by account
    /// name; year defaults to the current one.
    /// </summary>
    public static async Task<Results<Ok<RetainerReport>, ValidationProblem>> RetainerPaymentsAsync(
        [FromQuery(Name = "year")] string? year, BillingDbContext db, OrderQueries queries, CancellationToken cancellationToken)
    {
        if (ParseYear(year) is not { } wanted)
        {
            return YearProblem();
        }

        return TypedResults.Ok(await BuildAsync(wanted, db, queries, cancellationToken));
    }

    /// <summary>
    /// Orders with a balance due as of <c>as_of</c> (default today), optionally of one account or of the accounts
    /// one user owns (<c>owner_id</c>, "me" allowed: orders have no owner of their own), by age in days since the
    /// order date: the buckets are summed by PostgreSQL, the orders listed oldest first.
    /// </summary>
    public static async Task<Results<Ok<ReceivablesReport>, ValidationProblem>> ReceivablesAsync(
        [FromQuery(Name = "as_of")] string? asOf,
        [FromQuery(Name = "account_id")] Guid? accountId,
        [FromQuery(Name = "owner_id")] string? ownerId,
        ClaimsPrincipal caller,
        OrderQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = DateFilter.Parse(asOf, "as_of", "As of", errors) ?? OrderQueries.Today;
        var owner = UserFilter.Parse(ownerId, "owner_id", "Owner", caller, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var receivables = queries.Receivables(day);
        if (accountId is { } account)
        {
            receivables = receivables.Where(o => o.AccountId == account);
        }

        if (owner is { } user)
        {
            var owned = queries.AccountsOwnedBy(user);
            receivables = receivables.Where(o => owned.Contains(o.AccountId));
        }

        // The oldest order date of each bucket but the last: a CASE over the indexed order date.
        var oldest30 = AgingBucket.UpTo30.OrderDates(day).Oldest!.Value;
        var oldest60 = AgingBucket.UpTo60.OrderDates(day).Oldest!.Value;
        var oldest90 = AgingBucket.UpTo90.OrderDates(day).Oldest!.Value;
        var buckets = await receivables
            .GroupBy(o => o.OrderDate >= oldest30 ? AgingBucket.UpTo30 : o.OrderDate >= oldest60 ? AgingBucket.UpTo60 : o.OrderDate >= oldest90 ? AgingBucket.UpTo90 : AgingBucket.Over90)
            .Select(g => new AgingBucketTotal(g.Key, g.Sum(o => o.Total - o.TotalPaid), g.Count()))
            .ToListAsync(cancellationToken);
        var orders = await receivables.OrderBy(o => o.OrderDate).ThenBy(o => o.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(ReceivablesReport.From(day, buckets, orders.Select(o => ReceivableOrder.Of(o, day)).ToList()));
    }

    /// <summary>The same report as CSV: Account, Jan..Dec, Total (paid amounts, 1234.50), then a Total line.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> RetainerPaymentsCsvAsync(
        [FromQuery(Name = "year")] string? year, BillingDbContext db, OrderQueries queries, CancellationToken cancellationToken)
    {
        if (ParseYear(year) is not { } wanted)
        {
            return YearProblem();
        }

        var report = await BuildAsync(wanted, db, queries, cancellationToken);
        var csv = new StringBuilder();
        csv.Append("Account");
        foreach (var m in AllMonths)
        {
            csv.Append(',').Append(CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m));
        }

        csv.Append(",Total\r\n");
        foreach (var row in report.Rows)
        {
            Line(csv, row.AccountName, row.Months, row.Total);
        }

        Line(csv, "Total", report.MonthTotals, report.Total);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"retainer-payments-{wanted}.csv");
    }

    private static void Line(StringBuilder csv, string label, IReadOnlyDictionary<string, string> months, decimal total)
    {
        csv.Append(CsvField(label));
        foreach (var m in AllMonths)
        {
            csv.Append(',').Append(months.GetValueOrDefault(Key(m), Money(0m)));
        }

        csv.Append(',').Append(Money(total)).Append("\r\n");
    }

    /// <summary>Quoted when needed; a leading =, +, - or @ is defused so spreadsheets don't run it as a formula.</summary>
    private static string CsvField(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static int? ParseYear(string? year)
    {
        if (string.IsNullOrWhiteSpace(year))
        {
            return OrderQueries.Today.Year;
        }

        return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) && wanted >= MinYear && wanted <= MaxYear ? wanted : null;
    }

    private static ValidationProblem YearProblem() => new ValidationErrors().Add("year", $"Year must be a year between {MinYear} and {MaxYear}.").ToProblem();

    private static string Key(int month) => month.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task<RetainerReport> BuildAsync(int wanted, BillingDbContext db, OrderQueries queries, CancellationToken cancellationToken)
    {
        var today = OrderQueries.Today;
        var first = new DateOnly(wanted, 1, 1);
        var next = first.AddYears(1);
        var sums = await queries.PaymentRows()
            .Where(p => p.Status == PaymentStatus.Completed && p.ServicePeriodStart >= first && p.ServicePeriodStart < next)
            .Where(p => p.ContractId != null || db.OrderLineItems.Any(l => l.OrderId == p.OrderId && l.IsRetainerProduct))
            .GroupBy(p => new { p.AccountId, p.ServicePeriodStart!.Value.Month })
            .Select(g => new { g.Key.AccountId, g.Key.Month, Amount = g.Sum(p => p.Amount), AccountName = g.Max(p => p.AccountName) })
            .ToListAsync(cancellationToken);

        // The contracts whose terms overlap the year, with their Completed payments: each contract's
        // schedule is derived here exactly as its page shows it (never stored), so a period the contract
        // calls Overdue is the overdue month here, keyed by the month the period starts in.
        var contracts = await queries.ContractRows(today)
            .Where(c => c.StartDate < next && c.EndDate >= first)
            .Select(c => new { c.Id, c.AccountId, c.AccountName, c.StartDate, c.EndDate, c.BillingCycle, c.PricePerCycle, c.TerminatedOn })
            .ToListAsync(cancellationToken);
        var contractIds = contracts.Select(c => c.Id).ToList();
        var contractPayments = (await db.Payments
            .Where(p => p.ContractId != null && contractIds.Contains(p.ContractId.Value) && p.Status == PaymentStatus.Completed && p.ServicePeriodStart != null)
            .Select(p => new { ContractId = p.ContractId!.Value, Start = p.ServicePeriodStart!.Value, p.Amount })
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.ContractId, p => (p.Start, p.Amount));
        var expected = contracts
            .SelectMany(c => ContractSchedule.Periods(c.StartDate, c.EndDate, c.BillingCycle, c.PricePerCycle, c.TerminatedOn, contractPayments[c.Id], today)
                .Where(p => p.PeriodStart >= first && p.PeriodStart < next)
                .Select(p => new { c.AccountId, c.AccountName, p.PeriodStart.Month, p.ExpectedAmount, Overdue = p.Status == SchedulePeriodStatus.Overdue }))
            .GroupBy(e => new { e.AccountId, e.Month })
            .Select(g => new { g.Key.AccountId, g.Key.Month, Amount = g.Sum(e => e.ExpectedAmount), Overdue = g.Any(e => e.Overdue), AccountName = g.Max(e => e.AccountName) })
            .ToList();

        var names = sums.Select(s => (s.AccountId, s.AccountName)).Concat(expected.Select(e => (e.AccountId, e.AccountName)))
            .GroupBy(a => a.AccountId)
            .ToDictionary(g => g.Key, g => g.Max(a => a.AccountName)!);
        var rows = names
            .Select(account =>
            {
                var paid = sums.Where(s => s.AccountId == account.Key).ToDictionary(s => s.Month, s => s.Amount);
                var mine = expected.Where(e => e.AccountId == account.Key).ToList();
                var due = mine.ToDictionary(e => e.Month, e => e.Amount);
                var overdue = mine.Where(e => e.Overdue).Select(e => e.Month).Order().ToList();
                return new RetainerReportRow(account.Key, account.Value, Map(paid), paid.Values.Sum(), Map(due), overdue);
            })
            .OrderBy(r => r.AccountName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.AccountId)
            .ToList();
        var monthTotals = sums.GroupBy(s => s.Month).ToDictionary(g => g.Key, g => g.Sum(s => s.Amount));
        return new RetainerReport(wanted, AllMonths, rows, Map(monthTotals), monthTotals.Values.Sum());
    }

    private static Dictionary<string, string> Map(Dictionary<int, decimal> amounts) =>
        amounts.Where(a => a.Value != 0m).OrderBy(a => a.Key).ToDictionary(a => Key(a.Key), a => Money(a.Value));
}
