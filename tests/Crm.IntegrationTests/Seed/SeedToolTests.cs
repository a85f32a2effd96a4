using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Seed;

/// <summary>
/// <c>./crm seed</c> against the running CRM: a small demo under a run prefix of its own, then every object
/// type is looked up through the API (only this run's records, found by the prefix and their accounts).
/// </summary>
public sealed class SeedToolTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private const int Accounts = 12;

    [Fact]
    public async Task A_small_seed_fills_every_object_in_every_state()
    {
        var prefix = "Sd" + Guid.NewGuid().ToString("N")[..10] + " ";
        var seed = Random.Shared.Next(1_000, int.MaxValue);
        var output = await fixture.RunToolAsync("Crm.Seed", TimeSpan.FromMinutes(5), "--url", fixture.GatewayUrl, "--accounts", $"{Accounts}", "--owners", "2", "--seed", $"{seed}", "--prefix", prefix, "--concurrency", "8");
        output.ShouldContain(" 0 failed");

        var admin = await fixture.AdminClientAsync();
        var accounts = await ItemsAsync(admin, $"/api/v1/accounts?q={Uri.EscapeDataString(prefix.Trim())}&page_size=200");
        // Plus one for each converted lead: its company becomes an account.
        accounts.Count.ShouldBeGreaterThan(Accounts);
        accounts.Select(a => a.Str("owner_id")).Distinct().Count().ShouldBeGreaterThan(1, "the accounts are spread over the owners");
        var accountIds = accounts.Select(a => a.Str("id")).ToList();

        var contacts = await ForEachAccountAsync(admin, accountIds, id => $"/api/v1/contacts?account_id={id}&page_size=200");
        contacts.Select(c => c.Str("account_id")).Distinct().Count().ShouldBe(accounts.Count, "every account has contacts");

        var opportunities = await ForEachAccountAsync(admin, accountIds, id => $"/api/v1/opportunities?account_id={id}&page_size=200");
        opportunities.Select(o => o.Str("stage")).Distinct().Order().ShouldBe(["Closed Lost", "Closed Won", "Negotiation", "Proposal", "Qualifying"]);
        // Every planned deal has products (a converted lead's new deal has none yet).
        opportunities.Count(o => decimal.Parse(o["calculated_amount"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            .ShouldBeGreaterThanOrEqualTo(Accounts);
        var withRoles = await GetAsync(admin, $"/api/v1/opportunities/{opportunities[0].Str("id")}");
        withRoles["line_items"]!.AsArray().Count.ShouldBeGreaterThan(0);

        var orders = await ForEachAccountAsync(admin, accountIds, id => $"/api/v1/orders?account_id={id}&page_size=200");
        orders.Select(o => o.Str("status")).Distinct().Order().ShouldBe(["Awaiting Payment", "Cancelled", "Fulfilled", "Paid in Full", "Partially Paid"]);
        var payments = await ForEachAccountAsync(admin, accountIds, id => $"/api/v1/payments?account_id={id}&page_size=200");
        payments.Select(p => p.Str("status")).Distinct().Order().ShouldBe(["Completed", "Failed", "Pending", "Void"]);

        var contracts = await ForEachAccountAsync(admin, accountIds, id => $"/api/v1/contracts?account_id={id}&page_size=200");
        contracts.Select(c => c.Str("billing_cycle")).Distinct().Order().ShouldBe(["Annually", "Monthly", "Quarterly"]);
        payments.ShouldContain(p => p["contract_id"] != null && p["service_period_start"] != null);
        var schedules = new List<string>();
        foreach (var contract in contracts)
        {
            var detail = await GetAsync(admin, $"/api/v1/contracts/{contract.Str("id")}");
            schedules.AddRange(detail["schedule"]!.AsArray().Select(p => p!.Str("status")));
        }

        schedules.ShouldContain("Overdue");
        schedules.ShouldContain("Paid");

        var leads = await ItemsAsync(admin, $"/api/v1/leads?q={Uri.EscapeDataString(prefix.Trim())}&page_size=200");
        leads.Select(l => l.Str("status")).Distinct().Order().ShouldBe(["Contacted", "New", "Qualified", "Unqualified"]);
        (await ItemsAsync(admin, $"/api/v1/leads?q={Uri.EscapeDataString(prefix.Trim())}&status=Converted&page_size=200")).ShouldNotBeEmpty();

        var cases = await ForEachAccountAsync(admin, accountIds, id => $"/api/v1/cases?account_id={id}&page_size=200");
        cases.Select(c => (c.Str("status"), c.Str("priority"))).Distinct().Count().ShouldBe(9);

        var activities = await ForEachAccountAsync(admin, accountIds, id => $"/api/v1/activities?what_type=Account&what_id={id}&page_size=200");
        activities.AddRange(await ForEachAccountAsync(admin, opportunities.Select(o => o.Str("id")).ToList(), id => $"/api/v1/activities?what_type=Opportunity&what_id={id}&page_size=200"));
        var tasks = activities.Where(a => a.Str("type") == "Task").ToList();
        tasks.Select(t => t.Str("status")).Distinct().Order().ShouldBe(["Completed", "Deferred", "In Progress", "Not Started", "Waiting on someone else"]);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        tasks.ShouldContain(t => t.Str("due_date") == today);
        activities.Where(a => a.Str("type") == "Event").Count().ShouldBeGreaterThanOrEqualTo(3);
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {url}: {(int)response.StatusCode}");
        return await response.ReadJsonAsync();
    }

    private static async Task<List<JsonNode>> ItemsAsync(HttpClient client, string url) =>
        (await GetAsync(client, url))["items"]!.AsArray().Select(i => i!).ToList();

    private static async Task<List<JsonNode>> ForEachAccountAsync(HttpClient client, IReadOnlyList<string> ids, Func<string, string> url)
    {
        var all = new List<JsonNode>();
        foreach (var id in ids)
        {
            all.AddRange(await ItemsAsync(client, url(id)));
        }

        return all;
    }
}
