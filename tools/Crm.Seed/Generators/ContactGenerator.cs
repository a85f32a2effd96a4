using Bogus;
using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>One to four people per account: the owner or a manager first, then staff.</summary>
public static class ContactGenerator
{
    private static readonly string[] LeadTitles = ["Owner", "Founder", "CEO", "Managing Partner", "General Manager", "President", "Practice Manager"];

    private static readonly string[] StaffTitles =
    [
        "Marketing Manager", "Office Manager", "Operations Director", "Head of Sales", "Marketing Coordinator",
        "Communications Lead", "IT Manager", "Finance Manager", "Customer Service Lead", "Social Media Manager",
        "Bookkeeper", "Executive Assistant", "E-commerce Manager", "Brand Manager",
    ];

    public static List<ContactPlan> Generate(Faker f, IReadOnlyList<AccountDraft> accounts, EmailBook emails)
    {
        var contacts = new List<ContactPlan>();
        foreach (var account in accounts)
        {
            var count = f.Random.WeightedRandom([1, 2, 3, 4], [0.3f, 0.35f, 0.2f, 0.15f]);
            for (var i = 0; i < count; i++)
            {
                var first = f.Name.FirstName();
                var last = f.Name.LastName();
                contacts.Add(new ContactPlan(
                    contacts.Count,
                    account.Index,
                    first,
                    last,
                    i == 0 ? f.PickRandom(LeadTitles) : f.PickRandom(StaffTitles),
                    f.Random.Bool(0.92f) ? emails.Next(f, first, last, account.Website) : null,
                    f.Random.Bool(0.8f) ? AccountGenerator.Phone(f) : null));
            }
        }

        return contacts;
    }
}
