using Bogus;
using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>
/// A retainer contract that started some months ago, so it has a history: past periods paid, except that
/// some clients are behind (their last ended periods unpaid, so overdue).
/// </summary>
public static class ContractGenerator
{
    public static readonly string[] Cycles = ["Monthly", "Quarterly", "Annually"];
    private static readonly float[] CycleWeights = [0.6f, 0.25f, 0.15f];

    public static string RandomCycle(Faker f) => f.Random.WeightedRandom(Cycles, CycleWeights);

    /// <summary>Months per period, as Billing's schedule counts them.</summary>
    public static int Months(string cycle) => cycle switch
    {
        "Monthly" => 1,
        "Quarterly" => 3,
        _ => 12,
    };

    /// <param name="monthly">What the retainer lines cost per month.</param>
    /// <param name="behind">Leave the last ended periods unpaid (the first contracts of a plan are).</param>
    public static ContractPlan Generate(Faker f, string cycle, decimal monthly, DateOnly today, bool behind)
    {
        var months = Months(cycle);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        // Monthly and quarterly contracts started long enough ago to have ended periods; annual ones this year.
        var start = thisMonth.AddMonths(-(cycle == "Annually" ? f.Random.Int(1, 11) : f.Random.Int(months * 2, months * 4)));
        var end = start.AddMonths(f.PickRandom(12, 24, 36)).AddDays(-1);
        behind |= f.Random.Bool(0.25f);
        var price = cycle == "Annually" ? Math.Round(monthly * 12 * 0.9m, 2) : monthly * months;

        var ended = new List<(DateOnly Start, DateOnly End)>();
        (DateOnly Start, DateOnly End)? current = null;
        for (var i = 0; ; i++)
        {
            var periodStart = start.AddMonths(i * months);
            if (periodStart > today || periodStart > end)
            {
                break;
            }

            var periodEnd = start.AddMonths((i + 1) * months).AddDays(-1);
            if (periodEnd < today)
            {
                ended.Add((periodStart, periodEnd));
            }
            else
            {
                current = (periodStart, periodEnd < end ? periodEnd : end);
            }
        }

        // Behind means the last one or two ended periods unpaid, never all of them when there are several: a client
        // behind has paid before, and every contract with a history shows payments.
        var unpaid = behind && ended.Count > 0 ? Math.Min(Math.Max(ended.Count - 1, 1), f.Random.Int(1, 2)) : 0;
        var method = f.Random.WeightedRandom(["Bank Transfer", "Stripe"], [0.6f, 0.4f]);
        var payments = ended.Take(ended.Count - unpaid)
            .Select(p => new ServicePaymentPlan(p.Start, p.End, p.Start.AddDays(f.Random.Int(0, 6)), method))
            .ToList();
        if (current is { } now && f.Random.Bool(0.5f))
        {
            var paidOn = now.Start.AddDays(f.Random.Int(0, 6));
            payments.Add(new ServicePaymentPlan(now.Start, now.End, paidOn > today ? today : paidOn, method));
        }

        return new ContractPlan(start, end, cycle, price, payments);
    }
}
