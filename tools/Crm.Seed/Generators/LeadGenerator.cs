using Bogus;
using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>
/// Prospects not yet qualified into accounts: about one for every three accounts, the first ones in every
/// status (and one converted) so even a small demo shows them all.
/// </summary>
public static class LeadGenerator
{
    public static readonly string[] Statuses = ["New", "Contacted", "Qualified", "Unqualified"];

    private static readonly (string Suffix, string Industry)[] Businesses =
    [
        ("Dental", "Healthcare"), ("Family Clinic", "Healthcare"), ("Bakery", "Food & Beverage"), ("Brewing", "Food & Beverage"),
        ("Realty", "Real Estate"), ("Properties", "Real Estate"), ("Builders", "Construction"), ("Roofing", "Construction"),
        ("Boutique", "Retail"), ("Outfitters", "Retail"), ("Consulting", "Consulting"), ("Advisors", "Finance"),
        ("Academy", "Education"), ("Hotel", "Hospitality"), ("Studios", "Media"), ("Software", "Technology"),
        ("Logistics", "Transportation"), ("Foundation", "Nonprofit"), ("Manufacturing", "Manufacturing"), ("Farms", "Agriculture"),
    ];

    private static readonly string[] Sources = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Trade Show", "Word of mouth", "Advertisement", "Other"];
    private static readonly float[] SourceWeights = [0.3f, 0.12f, 0.15f, 0.05f, 0.1f, 0.18f, 0.07f, 0.03f];

    private static readonly string[] Titles = ["Owner", "Marketing Manager", "Office Manager", "Founder", "Operations Manager", "Director"];

    private static readonly string[] Notes =
    [
        "Filled in the quote form: new website with online booking.",
        "Called about a refresh of their logo and website.",
        "Met at the small business expo; wants an online store.",
        "Asked for SEO help; ranking dropped after a site migration.",
        "Needs a site that works on phones; current one is from 2012.",
    ];

    private static readonly string[] Projects = ["Website Redesign", "Online Store", "SEO Program", "Brand Refresh", "Booking System"];

    public static List<LeadPlan> Generate(Faker f, int count, int ownerCount, string prefix, EmailBook emails)
    {
        var leads = new List<LeadPlan>(count);
        for (var i = 0; i < count; i++)
        {
            // The first five: every status, then a converted one; after that a realistic mix.
            var (status, convert) = i switch
            {
                < 4 => (Statuses[i], false),
                4 => ("Qualified", true),
                _ => f.Random.WeightedRandom([("New", false), ("Contacted", false), ("Qualified", false), ("Unqualified", false), ("Qualified", true)], [0.3f, 0.25f, 0.17f, 0.1f, 0.18f]),
            };
            var (suffix, industry) = f.PickRandom(Businesses);
            var company = AccountGenerator.Truncate($"{prefix}{f.Name.LastName()} {suffix}");
            var website = f.Random.Bool(0.7f) ? AccountGenerator.Website(f, company) : null;
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            leads.Add(new LeadPlan(
                i,
                f.Random.Int(0, ownerCount),
                first,
                last,
                company,
                f.PickRandom(Titles),
                f.Random.Bool(0.85f) ? emails.Next(f, first, last, website) : null,
                f.Random.Bool(0.8f) ? AccountGenerator.Phone(f) : null,
                website,
                status,
                f.Random.WeightedRandom(Sources, SourceWeights),
                industry,
                f.Random.Bool(0.6f) ? f.PickRandom(Notes) : null,
                convert ? $"{company} - {f.PickRandom(Projects)}" : null));
        }

        return leads;
    }
}
