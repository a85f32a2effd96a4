using Bogus;
using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>
/// Deals at the accounts: customers have more than prospects, partners a few, "Other" none. The first
/// twelve deals of a plan walk through every stage, payment scenario and billing cycle, so even a small
/// demo shows them all; the rest follow a realistic mix. Open deals close this quarter or next, closed
/// ones closed lately.
/// </summary>
public static class OpportunityGenerator
{
    public static readonly string[] Stages = ["Qualifying", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];
    private static readonly float[] StageWeights = [0.2f, 0.18f, 0.14f, 0.33f, 0.15f];

    public static readonly string[] Roles = ["Decision Maker", "Economic Buyer", "Influencer", "Technical Buyer", "Evaluator", "Other"];

    private static readonly string[] Sources = ["Web", "Phone Inquiry", "Partner Referral", "Trade Show", "Word of mouth", "Advertisement", "Other"];

    private static readonly string[] NextSteps =
    [
        "Send proposal", "Schedule discovery call", "Present homepage mockups", "Confirm budget with the owner",
        "Review contract terms", "Agree on the launch date", "Demo the CMS", "Wait for the signed quote",
    ];

    /// <summary>Stage, then for won deals the order scenario or the contract's billing cycle.</summary>
    private static readonly (string Stage, PaymentScenario? Order, string? Cycle)[] Showcase =
    [
        ("Qualifying", null, null), ("Proposal", null, null), ("Negotiation", null, null), ("Closed Lost", null, null),
        ("Closed Won", PaymentScenario.Unpaid, null), ("Closed Won", PaymentScenario.PartiallyPaid, null),
        ("Closed Won", PaymentScenario.PaidInFull, null), ("Closed Won", PaymentScenario.Fulfilled, null),
        ("Closed Won", PaymentScenario.Cancelled, null), ("Closed Won", null, "Monthly"),
        ("Closed Won", null, "Quarterly"), ("Closed Won", null, "Annually"),
    ];

    public static int ShowcaseCount => Showcase.Length;

    public static List<OpportunityPlan> Generate(Faker f, IReadOnlyList<AccountDraft> accounts, ILookup<int, ContactPlan> contactsByAccount, DateOnly today)
    {
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var nextQuarterEnd = quarterStart.AddMonths(6).AddDays(-1);
        var opportunities = new List<OpportunityPlan>();
        foreach (var account in accounts)
        {
            var count = account.Type switch
            {
                "Customer" => f.Random.WeightedRandom([1, 2, 3], [0.5f, 0.35f, 0.15f]),
                "Prospect" => f.Random.WeightedRandom([0, 1, 2], [0.25f, 0.55f, 0.2f]),
                "Partner" => f.Random.WeightedRandom([0, 1], [0.6f, 0.4f]),
                _ => 0,
            };

            // A small plan still gets every showcase deal.
            var remainingAccounts = accounts.Count - account.Index;
            count = Math.Max(count, (ShowcaseCount - opportunities.Count + remainingAccounts - 1) / remainingAccounts);
            for (var i = 0; i < count; i++)
            {
                var (stage, order, cycle) = opportunities.Count < Showcase.Length ? Showcase[opportunities.Count] : Random(f);
                var showcase = opportunities.Count < Showcase.Length;
                var closed = stage is "Closed Won" or "Closed Lost";
                var closeDate = closed
                    ? today.AddDays(-f.Random.Int(0, Math.Max(0, today.DayNumber - quarterStart.AddMonths(-1).DayNumber)))
                    : today.AddDays(f.Random.Int(1, nextQuarterEnd.DayNumber - today.DayNumber));
                var lines = Lines(f, retainer: cycle is not null || (order is null && f.Random.Bool(0.25f)));
                var monthly = lines.Where(l => ProductCatalog.Products[l.ProductIndex].IsRetainer).Sum(l => l.Quantity * l.SalePrice);
                var primary = ProductCatalog.Products[lines[0].ProductIndex].Name;
                opportunities.Add(new OpportunityPlan(
                    opportunities.Count,
                    account.Index,
                    AccountGenerator.Truncate($"{account.Name} - {primary}"),
                    stage,
                    closeDate,
                    f.PickRandom(Sources),
                    closed ? null : f.PickRandom(NextSteps),
                    lines,
                    ContactRoles(f, contactsByAccount[account.Index].ToList()),
                    order is { } scenario ? OrderGenerator.Generate(f, scenario, today, showcase) : null,
                    cycle is not null ? ContractGenerator.Generate(f, cycle, monthly, today, behind: showcase) : null));
            }
        }

        return opportunities;
    }

    private static (string Stage, PaymentScenario? Order, string? Cycle) Random(Faker f)
    {
        var stage = f.Random.WeightedRandom(Stages, StageWeights);
        if (stage != OpportunityPlan.ClosedWon)
        {
            return (stage, null, null);
        }

        return f.Random.Bool(0.3f) ? (stage, null, ContractGenerator.RandomCycle(f)) : (stage, OrderGenerator.RandomScenario(f), null);
    }

    /// <summary>A retainer deal has one retainer and maybe a project; other deals one to three projects.</summary>
    private static List<LineItemPlan> Lines(Faker f, bool retainer)
    {
        var oneOff = ProductCatalog.OneOff.ToList();
        var picked = new List<ProductPlan>();
        if (retainer)
        {
            picked.Add(f.PickRandom(ProductCatalog.Retainers.ToList()));
        }

        var projects = retainer ? f.Random.WeightedRandom([0, 1], [0.6f, 0.4f]) : f.Random.WeightedRandom([1, 2, 3], [0.55f, 0.3f, 0.15f]);
        picked.AddRange(f.PickRandom(oneOff, projects));
        return picked.Select(p => new LineItemPlan(
            p.Index,
            p.Name.StartsWith("Support Hours", StringComparison.Ordinal) ? f.Random.Int(1, 4) : 1,
            f.Random.Bool(0.6f) ? p.ListPrice : Math.Round(p.ListPrice * (1 - (f.Random.Int(1, 3) * 0.05m)) / 50, 0) * 50)).ToList();
    }

    /// <summary>The first contact decides; sometimes a colleague evaluates or influences.</summary>
    private static List<ContactRolePlan> ContactRoles(Faker f, List<ContactPlan> contacts)
    {
        var roles = new List<ContactRolePlan>();
        if (contacts.Count == 0 || f.Random.Bool(0.15f))
        {
            return roles;
        }

        roles.Add(new ContactRolePlan(contacts[0].Index, f.Random.WeightedRandom(["Decision Maker", "Economic Buyer"], [0.75f, 0.25f])));
        foreach (var colleague in contacts.Skip(1).Where(_ => f.Random.Bool(0.4f)))
        {
            roles.Add(new ContactRolePlan(colleague.Index, f.PickRandom(Roles.Skip(1).ToArray())));
        }

        return roles;
    }
}
