using Bogus;
using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>
/// Tasks and events around the accounts and their deals: overdue and done tasks, today's calls, upcoming
/// meetings. The first ones of a plan cover every task status and past, today and upcoming dates.
/// </summary>
public static class ActivityGenerator
{
    public static readonly string[] TaskStatuses = ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"];
    public static readonly string[] Priorities = ["High", "Normal", "Low"];
    private static readonly float[] PriorityWeights = [0.25f, 0.55f, 0.2f];

    private static readonly string[] TaskSubjects =
    [
        "Call to discuss the proposal", "Send homepage mockups", "Follow up on the open invoice", "Schedule the kickoff",
        "Review the analytics report", "Renewal check-in", "Collect content for the About page", "Send the SEO audit results",
        "Confirm hosting access", "Prepare the quote",
    ];

    private static readonly string[] EventSubjects =
    [
        "Discovery meeting", "Kickoff meeting", "Design review", "Launch call", "Quarterly review", "Site walkthrough", "Workshop: content plan",
    ];

    private static readonly string[] Locations = ["Zoom", "Google Meet", "Client office", "Our studio", "Phone"];

    /// <summary>(type, day offset from today, task status): past, today and upcoming, every status.</summary>
    private static readonly (string Type, int Day, string? Status)[] Showcase =
    [
        ("Task", -5, "Not Started"), ("Task", 0, "In Progress"), ("Task", 3, "Not Started"), ("Task", -2, "Completed"),
        ("Task", 6, "Waiting on someone else"), ("Task", 10, "Deferred"), ("Event", -3, null), ("Event", 0, null), ("Event", 4, null),
    ];

    public static List<ActivityPlan> Generate(Faker f, IReadOnlyList<AccountDraft> accounts, ILookup<int, ContactPlan> contactsByAccount, ILookup<int, OpportunityPlan> opportunitiesByAccount, DateOnly today)
    {
        var activities = new List<ActivityPlan>();
        foreach (var account in accounts)
        {
            var count = f.Random.WeightedRandom([0, 1, 2, 3, 4], [0.15f, 0.3f, 0.3f, 0.15f, 0.1f]);
            var remainingAccounts = accounts.Count - account.Index;
            count = Math.Max(count, (Showcase.Length - activities.Count + remainingAccounts - 1) / remainingAccounts);
            var contacts = contactsByAccount[account.Index].ToList();
            var opportunities = opportunitiesByAccount[account.Index].ToList();
            for (var i = 0; i < count; i++)
            {
                var (type, day, status) = activities.Count < Showcase.Length ? Showcase[activities.Count] : Random(f);
                var opportunity = opportunities.Count > 0 && f.Random.Bool(0.5f) ? f.PickRandom(opportunities) : null;
                var contact = contacts.Count > 0 && f.Random.Bool(0.8f) ? f.PickRandom(contacts) : null;
                var date = today.AddDays(day);
                var link = opportunity is null ? ActivityLink.Account : ActivityLink.Opportunity;
                if (type == "Task")
                {
                    activities.Add(new ActivityPlan(
                        account.Index, type, f.PickRandom(TaskSubjects), null, link, opportunity?.Index, contact?.Index,
                        status, f.Random.WeightedRandom(Priorities, PriorityWeights), date, null, null, false, null));
                    continue;
                }

                var allDay = f.Random.Bool(0.1f);
                // Office hours on the US East Coast (UTC-5), on the hour or half hour.
                var start = allDay ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : date.ToDateTime(new TimeOnly(f.Random.Int(14, 21), f.PickRandom(0, 30)), DateTimeKind.Utc);
                var end = allDay ? start : start.AddMinutes(f.PickRandom(30, 45, 60, 90));
                activities.Add(new ActivityPlan(
                    account.Index, type, f.PickRandom(EventSubjects), null, link, opportunity?.Index, contact?.Index,
                    null, null, null, start, end, allDay, f.PickRandom(Locations)));
            }
        }

        return activities;
    }

    /// <summary>Past tasks are mostly done; today's and upcoming ones open.</summary>
    private static (string Type, int Day, string? Status) Random(Faker f)
    {
        var day = f.Random.WeightedRandom([f.Random.Int(-30, -1), 0, f.Random.Int(1, 30)], [0.4f, 0.15f, 0.45f]);
        if (f.Random.Bool(0.35f))
        {
            return ("Event", day, null);
        }

        var status = day < 0
            ? f.Random.WeightedRandom(["Completed", "Not Started", "In Progress", "Waiting on someone else"], [0.65f, 0.15f, 0.1f, 0.1f])
            : day == 0
                ? f.Random.WeightedRandom(["Not Started", "In Progress", "Completed"], [0.5f, 0.3f, 0.2f])
                : f.Random.WeightedRandom(["Not Started", "In Progress", "Waiting on someone else", "Deferred"], [0.7f, 0.1f, 0.1f, 0.1f]);
        return ("Task", day, status);
    }
}
