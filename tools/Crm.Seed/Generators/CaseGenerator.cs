using Bogus;
using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>Support requests from the accounts' contacts; the first nine cover every status and priority pair.</summary>
public static class CaseGenerator
{
    public static readonly string[] Statuses = ["New", "In Progress", "Closed"];
    public static readonly string[] Priorities = ["High", "Medium", "Low"];

    private static readonly (string Subject, string Description)[] Requests =
    [
        ("Contact form not sending e-mails", "Messages from the contact form stopped arriving since Monday."),
        ("Site down after hosting change", "The site shows a 502 error since the DNS switch."),
        ("Update opening hours", "New summer opening hours on the homepage and the footer."),
        ("SSL certificate warning", "Visitors see a certificate warning on the shop pages."),
        ("Checkout slow on mobile", "The payment step takes 10+ seconds on phones."),
        ("Broken links after redesign", "Old blog URLs return 404; redirects needed."),
        ("Add a new team member", "Photo and bio for the new associate on the Team page."),
        ("Search Console errors", "Google reports 37 pages with indexing problems."),
        ("Newsletter signup not syncing", "New subscribers do not reach the mailing list."),
        ("Change the logo in the header", "Use the updated logo from the brand refresh."),
    ];

    public static List<CasePlan> Generate(Faker f, IReadOnlyList<AccountDraft> accounts, ILookup<int, ContactPlan> contactsByAccount)
    {
        var showcase = Statuses.SelectMany(s => Priorities.Select(p => (s, p))).ToArray();
        var cases = new List<CasePlan>();
        foreach (var account in accounts)
        {
            var count = f.Random.WeightedRandom([0, 1, 2], [0.6f, 0.3f, 0.1f]);
            var remainingAccounts = accounts.Count - account.Index;
            count = Math.Max(count, (showcase.Length - cases.Count + remainingAccounts - 1) / remainingAccounts);
            var contacts = contactsByAccount[account.Index].ToList();
            for (var i = 0; i < count; i++)
            {
                var (status, priority) = cases.Count < showcase.Length
                    ? showcase[cases.Count]
                    : (f.Random.WeightedRandom(Statuses, [0.3f, 0.25f, 0.45f]), f.Random.WeightedRandom(Priorities, [0.2f, 0.5f, 0.3f]));
                var (subject, description) = f.PickRandom(Requests);
                var contact = contacts.Count > 0 && f.Random.Bool(0.85f) ? f.PickRandom(contacts) : null;
                cases.Add(new CasePlan(account.Index, contact?.Index, subject, description, status, priority));
            }
        }

        return cases;
    }
}
