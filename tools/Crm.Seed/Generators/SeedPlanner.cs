using Bogus;
using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>
/// Builds the whole <see cref="SeedPlan"/> from one seed, before anything is sent: the accounts (as
/// <see cref="AccountGenerator"/> always made them), then every other object from one random stream, in
/// a fixed order. Dates are relative to <c>today</c>, so the demo looks current whenever it is seeded.
/// </summary>
public static class SeedPlanner
{
    /// <param name="prefix">Put before account and lead company names (tests find their own records by it).</param>
    /// <param name="accountsOnly">Only owners and accounts (the fast path of the benchmarks).</param>
    public static SeedPlan Plan(int seed, int accountCount, int ownerCount, DateOnly today, string prefix = "", bool accountsOnly = false)
    {
        var generator = new AccountGenerator(seed);
        var accounts = generator.Generate(accountCount, ownerCount)
            .Select(a => prefix.Length == 0 ? a : a with { Name = AccountGenerator.Truncate(prefix + a.Name) })
            .ToList();
        var owners = generator.Owners(ownerCount);
        if (accountsOnly)
        {
            return new SeedPlan(owners, accounts, [], [], [], [], [], []);
        }

        var f = new Faker("en") { Random = new Randomizer(unchecked((seed * 7919) + 17)) };
        var emails = new EmailBook();
        var contacts = ContactGenerator.Generate(f, accounts, emails);
        var contactsByAccount = contacts.ToLookup(c => c.AccountIndex);
        var leads = LeadGenerator.Generate(f, Math.Max(8, accountCount * 3 / 10), ownerCount, prefix, emails);
        var opportunities = OpportunityGenerator.Generate(f, accounts, contactsByAccount, today);
        var activities = ActivityGenerator.Generate(f, accounts, contactsByAccount, opportunities.ToLookup(o => o.AccountIndex), today);
        var cases = CaseGenerator.Generate(f, accounts, contactsByAccount);
        return new SeedPlan(owners, accounts, contacts, leads, ProductCatalog.Products, opportunities, activities, cases);
    }
}
