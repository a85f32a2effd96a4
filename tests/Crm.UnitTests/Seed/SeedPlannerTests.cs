using System.Text.Json;
using Crm.Seed.Generators;
using Crm.Seed.Plans;
using Shouldly;

namespace Crm.UnitTests.Seed;

public sealed class SeedPlannerTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    /// <summary>A small demo: every state below must show up already at this size.</summary>
    private static readonly SeedPlan Small = SeedPlanner.Plan(42, 50, 3, Today);

    private static string Json(SeedPlan plan) => JsonSerializer.Serialize(plan);

    [Fact]
    public void The_same_seed_and_day_give_the_same_plan()
    {
        Json(SeedPlanner.Plan(42, 50, 3, Today)).ShouldBe(Json(Small));
    }

    [Fact]
    public void Another_seed_gives_another_plan()
    {
        var other = SeedPlanner.Plan(43, 50, 3, Today);
        Json(other).ShouldNotBe(Json(Small));
        other.Contacts.Select(c => c.LastName).ShouldNotBe(Small.Contacts.Select(c => c.LastName));
    }

    [Fact]
    public void Accounts_only_plans_just_the_owners_and_accounts_as_before()
    {
        var plan = SeedPlanner.Plan(42, 50, 3, Today, accountsOnly: true);
        plan.Accounts.ShouldBe(new Crm.Seed.AccountGenerator(42).Generate(50, 3));
        plan.Owners.Count.ShouldBe(3);
        (plan.Contacts.Count + plan.Leads.Count + plan.Opportunities.Count + plan.Activities.Count + plan.Cases.Count).ShouldBe(0);
    }

    [Fact]
    public void Every_account_has_one_to_four_contacts_with_unique_emails()
    {
        Small.Contacts.GroupBy(c => c.AccountIndex).Select(g => g.Count()).ShouldAllBe(n => n >= 1 && n <= 4);
        Small.Contacts.Select(c => c.AccountIndex).Distinct().Count().ShouldBe(50);
        var emails = Small.Contacts.Select(c => c.Email).Concat(Small.Leads.Select(l => l.Email)).OfType<string>().ToList();
        emails.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(emails.Count);
    }

    [Fact]
    public void Leads_come_in_every_open_status_and_some_get_converted()
    {
        Small.Leads.Select(l => l.Status).Distinct().Order().ShouldBe(LeadGenerator.Statuses.Order());
        Small.Leads.Where(l => l.ConvertAs is not null).ShouldNotBeEmpty();
        Small.Leads.Where(l => l.ConvertAs is not null).ShouldAllBe(l => l.Status == "Qualified");
    }

    [Fact]
    public void Deals_reach_every_stage_with_products_and_roles_of_their_own_account()
    {
        Small.Opportunities.Select(o => o.Stage).Distinct().Order().ShouldBe(OpportunityGenerator.Stages.Order());
        Small.Opportunities.ShouldAllBe(o => o.Lines.Count > 0);
        Small.Opportunities.SelectMany(o => o.Roles.Select(r => (o.AccountIndex, Small.Contacts[r.ContactIndex].AccountIndex)))
            .ShouldAllBe(pair => pair.Item1 == pair.Item2);
        Small.Opportunities.Where(o => o.Stage != "Closed Won").ShouldAllBe(o => o.Order == null && o.Contract == null);
        Small.Opportunities.Where(o => o.Stage == "Closed Won").ShouldAllBe(o => (o.Order == null) != (o.Contract == null));
        Small.Products.Where(p => p.IsRetainer).ShouldNotBeEmpty();
    }

    [Fact]
    public void Open_deals_close_this_quarter_or_next_and_closed_ones_lately()
    {
        var nextQuarterEnd = new DateOnly(2027, 3, 31);
        Small.Opportunities.Where(o => !o.Stage.StartsWith("Closed", StringComparison.Ordinal))
            .ShouldAllBe(o => o.CloseDate > Today && o.CloseDate <= nextQuarterEnd);
        Small.Opportunities.Where(o => o.Stage.StartsWith("Closed", StringComparison.Ordinal))
            .ShouldAllBe(o => o.CloseDate <= Today && o.CloseDate >= new DateOnly(2026, 9, 1));
    }

    [Fact]
    public void Orders_cover_every_payment_state()
    {
        var orders = Small.Opportunities.Select(o => o.Order).OfType<OrderPlan>().ToList();
        orders.Select(o => o.Scenario).Distinct().Order().ShouldBe(Enum.GetValues<PaymentScenario>().Order());
        var payments = orders.SelectMany(o => o.Payments).ToList();
        payments.Select(p => p.Status).Distinct().Order().ShouldBe(["Completed", "Failed", "Pending"]);
        payments.ShouldContain(p => p.VoidAfter);
        orders.Select(o => o.FinalStatus).OfType<string>().Distinct().Order().ShouldBe(["Cancelled", "Fulfilled"]);
        orders.Where(o => o.Scenario == PaymentScenario.Unpaid || o.Scenario == PaymentScenario.Cancelled)
            .ShouldAllBe(o => o.Payments.All(p => p.Status != "Completed"));
    }

    [Fact]
    public void Retainer_contracts_bill_in_every_cycle_and_some_are_behind()
    {
        var won = Small.Opportunities.Where(o => o.Contract is not null).ToList();
        won.Select(o => o.Contract!.BillingCycle).Distinct().Order().ShouldBe(ContractGenerator.Cycles.Order());
        won.ShouldAllBe(o => o.Lines.Any(l => Small.Products[l.ProductIndex].IsRetainer));
        won.ShouldAllBe(o => o.Contract!.Start < Today && o.Contract.PricePerCycle > 0);
        won.SelectMany(o => o.Contract!.Payments).ShouldAllBe(p => p.Date <= Today && p.PeriodStart <= p.Date && p.PeriodStart <= p.PeriodEnd);

        // Overdue: a period that ended before today without its payment.
        won.ShouldContain(o => o.Contract!.BillingCycle == "Monthly" && HasOverdueMonth(o.Contract));
    }

    private static bool HasOverdueMonth(ContractPlan contract) =>
        Enumerable.Range(0, 60)
            .Select(i => contract.Start.AddMonths(i))
            .Where(start => start.AddMonths(1).AddDays(-1) < Today && start <= contract.End)
            .Any(start => contract.Payments.All(p => p.PeriodStart != start));

    [Fact]
    public void Tasks_and_events_are_past_today_and_upcoming_in_every_status()
    {
        var tasks = Small.Activities.Where(a => a.Type == "Task").ToList();
        var events = Small.Activities.Where(a => a.Type == "Event").ToList();
        tasks.Select(t => t.Status).Distinct().Order().ShouldBe(ActivityGenerator.TaskStatuses.Order());
        tasks.Select(t => t.Priority).Distinct().Order().ShouldBe(ActivityGenerator.Priorities.Order());
        tasks.ShouldContain(t => t.DueDate < Today && t.Status != "Completed");
        tasks.ShouldContain(t => t.DueDate == Today);
        tasks.ShouldContain(t => t.DueDate > Today);
        events.ShouldContain(e => DateOnly.FromDateTime(e.Start!.Value) < Today);
        events.ShouldContain(e => DateOnly.FromDateTime(e.Start!.Value) == Today);
        events.ShouldContain(e => DateOnly.FromDateTime(e.Start!.Value) > Today);
        events.ShouldAllBe(e => e.End >= e.Start && e.Location != null);
        Small.Activities.ShouldContain(a => a.Link == ActivityLink.Opportunity);
        Small.Activities.Where(a => a.OpportunityIndex != null).ShouldAllBe(a => Small.Opportunities[a.OpportunityIndex!.Value].AccountIndex == a.AccountIndex);
        Small.Activities.Where(a => a.ContactIndex != null).ShouldAllBe(a => Small.Contacts[a.ContactIndex!.Value].AccountIndex == a.AccountIndex);
    }

    [Fact]
    public void Cases_come_in_every_status_and_priority()
    {
        Small.Cases.Select(c => (c.Status, c.Priority)).Distinct().Count().ShouldBe(CaseGenerator.Statuses.Length * CaseGenerator.Priorities.Length);
        Small.Cases.Where(c => c.ContactIndex != null).ShouldAllBe(c => Small.Contacts[c.ContactIndex!.Value].AccountIndex == c.AccountIndex);
    }

    [Fact]
    public void Records_are_spread_over_the_owners()
    {
        Small.Accounts.Select(a => a.OwnerSlot).Distinct().Count().ShouldBe(4);
        Small.Leads.Select(l => l.OwnerSlot).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void A_prefix_marks_account_and_lead_company_names()
    {
        var plan = SeedPlanner.Plan(42, 12, 0, Today, prefix: "zq7 ");
        plan.Accounts.ShouldAllBe(a => a.Name.StartsWith("zq7 ", StringComparison.Ordinal));
        plan.Leads.ShouldAllBe(l => l.Company.StartsWith("zq7 ", StringComparison.Ordinal));
        plan.Opportunities.Count.ShouldBeGreaterThanOrEqualTo(OpportunityGenerator.ShowcaseCount);
    }
}
