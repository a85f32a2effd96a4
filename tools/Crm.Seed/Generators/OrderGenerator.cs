using Bogus;
using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>What happens to the order of a won one-off deal: its payments (in order) and a final status.</summary>
public static class OrderGenerator
{
    public static readonly PaymentScenario[] Scenarios = Enum.GetValues<PaymentScenario>();
    private static readonly float[] ScenarioWeights = [0.2f, 0.2f, 0.3f, 0.2f, 0.1f];

    private static readonly string[] Methods = ["Stripe", "PayPal", "Cash", "Bank Transfer"];
    private static readonly float[] MethodWeights = [0.45f, 0.15f, 0.05f, 0.35f];

    public static PaymentScenario RandomScenario(Faker f) => f.Random.WeightedRandom(Scenarios, ScenarioWeights);

    /// <param name="showcase">Use the variant with failed, pending and voided payments (the first orders of a plan).</param>
    public static OrderPlan Generate(Faker f, PaymentScenario scenario, DateOnly today, bool showcase)
    {
        var payments = new List<PaymentPlan>();
        switch (scenario)
        {
            case PaymentScenario.Unpaid:
                if (showcase || f.Random.Bool(0.4f))
                {
                    payments.Add(Payment(f, today, null, method: "Stripe", status: "Failed", notes: "Card declined."));
                }

                break;
            case PaymentScenario.PartiallyPaid:
                var deposit = f.PickRandom(0.3m, 0.4m, 0.5m);
                payments.Add(Payment(f, today, deposit, "Completed", notes: "Deposit."));
                if (showcase || f.Random.Bool(0.5f))
                {
                    payments.Add(Payment(f, today, null, method: "Bank Transfer", status: "Pending", notes: "Balance: transfer announced."));
                }

                break;
            case PaymentScenario.PaidInFull or PaymentScenario.Fulfilled:
                var variant = showcase ? 3 : f.Random.WeightedRandom([0, 1, 2, 3], [0.55f, 0.2f, 0.15f, 0.1f]);
                if (variant == 1)
                {
                    payments.Add(Payment(f, today, null, method: "Stripe", status: "Failed", notes: "Card expired."));
                }

                if (variant == 2)
                {
                    payments.Add(Payment(f, today, 0.5m, "Completed", notes: "First half."));
                }

                if (variant == 3)
                {
                    // Entered twice by mistake: the first entry is voided, not deleted.
                    payments.Add(Payment(f, today, null, "Completed", notes: "Duplicate entry.") with { VoidAfter = true });
                }

                payments.Add(Payment(f, today, null, "Completed"));
                break;
            case PaymentScenario.Cancelled:
                if (f.Random.Bool(0.3f))
                {
                    payments.Add(Payment(f, today, null, method: "PayPal", status: "Failed"));
                }

                break;
        }

        var finalStatus = scenario switch
        {
            PaymentScenario.Fulfilled => "Fulfilled",
            PaymentScenario.Cancelled => "Cancelled",
            _ => null,
        };
        return new OrderPlan(scenario, payments, finalStatus);
    }

    /// <param name="share">Part of the order's total; null for what is still due.</param>
    private static PaymentPlan Payment(Faker f, DateOnly today, decimal? share, string status, string? notes = null) =>
        Payment(f, today, share, f.Random.WeightedRandom(Methods, MethodWeights), status, notes);

    private static PaymentPlan Payment(Faker f, DateOnly today, decimal? share, string method, string status, string? notes = null) =>
        new(share, today, method, status, false, notes);
}
