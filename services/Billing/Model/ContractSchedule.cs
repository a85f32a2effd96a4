using System.Text.Json.Serialization;

namespace Crm.Billing.Model;

/// <summary>Where one period of a contract's schedule stands.</summary>
public enum SchedulePeriodStatus
{
    /// <summary>The Completed payments of the period reach the expected amount.</summary>
    Paid,

    /// <summary>Something is paid, not all, and the period has not ended yet.</summary>
    [JsonStringEnumMemberName("Partially Paid")]
    PartiallyPaid,

    /// <summary>The period has started, nothing is paid yet.</summary>
    Due,

    /// <summary>The period ended before today and is not fully paid.</summary>
    Overdue,

    /// <summary>The period starts after today.</summary>
    Upcoming,
}

/// <summary>One period of a contract's schedule: what is expected and what its Completed payments add up to.</summary>
public sealed record SchedulePeriod(DateOnly PeriodStart, DateOnly PeriodEnd, decimal ExpectedAmount, decimal PaidAmount, SchedulePeriodStatus Status);

/// <summary>
/// A contract's schedule of expected payments, derived (never stored) from its terms: one period per
/// cycle from the start date (Monthly 1 month, Quarterly 3, Annually 12), the last one cut at the end
/// date, none starting after the day it was terminated. Each period expects the price per cycle; a
/// Completed payment counts towards the period its service_period_start falls in.
/// </summary>
public static class ContractSchedule
{
    public static int Months(BillingCycle cycle) => cycle switch
    {
        BillingCycle.Monthly => 1,
        BillingCycle.Quarterly => 3,
        _ => 12,
    };

    /// <summary>The periods' bounds alone.</summary>
    public static IEnumerable<(DateOnly Start, DateOnly End)> Bounds(DateOnly start, DateOnly end, BillingCycle cycle, DateOnly? terminatedOn)
    {
        var step = Months(cycle);
        var last = terminatedOn is { } t && t < end ? t : end;
        for (var i = 0; ; i++)
        {
            // Always counted from the start date, so a 31st start keeps to month ends rather than drifting.
            var periodStart = start.AddMonths(i * step);
            if (periodStart > last)
            {
                yield break;
            }

            var periodEnd = start.AddMonths((i + 1) * step).AddDays(-1);
            yield return (periodStart, periodEnd < end ? periodEnd : end);
        }
    }

    public static IReadOnlyList<SchedulePeriod> Periods(
        DateOnly start, DateOnly end, BillingCycle cycle, decimal pricePerCycle, DateOnly? terminatedOn,
        IEnumerable<(DateOnly ServicePeriodStart, decimal Amount)> completedPayments, DateOnly today)
    {
        var payments = completedPayments.ToList();
        return Bounds(start, end, cycle, terminatedOn)
            .Select(p =>
            {
                var paid = payments.Where(x => x.ServicePeriodStart >= p.Start && x.ServicePeriodStart <= p.End).Sum(x => x.Amount);
                return new SchedulePeriod(p.Start, p.End, pricePerCycle, paid, StatusOf(p.Start, p.End, pricePerCycle, paid, today));
            })
            .ToList();
    }

    public static SchedulePeriodStatus StatusOf(DateOnly periodStart, DateOnly periodEnd, decimal expected, decimal paid, DateOnly today) =>
        paid >= expected ? SchedulePeriodStatus.Paid
        : periodEnd < today ? SchedulePeriodStatus.Overdue
        : paid > 0 ? SchedulePeriodStatus.PartiallyPaid
        : periodStart <= today ? SchedulePeriodStatus.Due
        : SchedulePeriodStatus.Upcoming;
}
