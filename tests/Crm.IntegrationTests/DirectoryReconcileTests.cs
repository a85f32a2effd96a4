using Crm.Events;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary><c>./crm events reconcile</c>: every directory rebuilt from its owner's API, by version, idempotently.</summary>
[Collection(DisruptiveCollection.Name)]
public sealed class DirectoryReconcileTests(CrmFixture fixture)
{
    [Fact]
    public async Task Reconcile_adds_a_lost_row_and_refreshes_a_stale_one_and_a_second_run_changes_nothing()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var accountId = Guid.Parse(world.AccountId);
        await Eventually.WaitForAsync(
            () => fixture.ScalarAsync<long>("billingdb", "SELECT count(*) FROM directory_records WHERE record_type = 'Account' AND id = @accountId", new { accountId }),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the account in Billing's directory");
        await Eventually.WaitForAsync(
            () => fixture.ScalarAsync<long>("salesdb", "SELECT count(*) FROM directory_users WHERE id = @id", new { id = world.User.Id }),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the user in Sales' directory");

        // As if events had been lost: Activities never got the account, Billing and Sales hold old copies.
        (await fixture.ExecuteAsync("activitiesdb", "DELETE FROM directory_records WHERE record_type = 'Account' AND id = @accountId", new { accountId })).ShouldBe(1);
        (await fixture.ExecuteAsync("billingdb", "UPDATE directory_records SET name = 'Stale name', version = 0 WHERE record_type = 'Account' AND id = @accountId", new { accountId })).ShouldBe(1);
        (await fixture.ExecuteAsync("salesdb", "UPDATE directory_users SET last_name = 'Stale', version = 0 WHERE id = @id", new { id = world.User.Id })).ShouldBe(1);

        using var http = new HttpClient();
        var results = await new DirectoryReconcile(CrmRun.Load(fixture.DataDir), http).RunAsync(fixture.AdminEmail, fixture.AdminPassword, CancellationToken.None);

        results.ShouldAllBe(r => r.Error == null);
        results.Select(r => $"{r.Service} {r.Directory}").ShouldBe(
            [
                "activities users", "activities accounts", "activities contacts", "activities leads", "activities opportunities", "activities orders",
                "billing users", "billing accounts", "billing won-deals",
                "sales users",
            ],
            ignoreOrder: true);
        Result(results, "activities", "accounts").Added.ShouldBeGreaterThanOrEqualTo(1);
        Result(results, "billing", "accounts").Updated.ShouldBeGreaterThanOrEqualTo(1);
        Result(results, "sales", "users").Updated.ShouldBeGreaterThanOrEqualTo(1);
        results.ShouldAllBe(r => r.Checked >= r.Added + r.Updated);

        (await fixture.ScalarAsync<string>("activitiesdb", "SELECT name FROM directory_records WHERE record_type = 'Account' AND id = @accountId", new { accountId })).ShouldBe(world.Account.Str("name"));
        (await fixture.ScalarAsync<string>("billingdb", "SELECT name FROM directory_records WHERE record_type = 'Account' AND id = @accountId", new { accountId })).ShouldBe(world.Account.Str("name"));
        (await fixture.ScalarAsync<int>("billingdb", "SELECT version FROM directory_records WHERE record_type = 'Account' AND id = @accountId", new { accountId })).ShouldBe(world.Account.Int("version"));
        (await fixture.ScalarAsync<string>("salesdb", "SELECT last_name FROM directory_users WHERE id = @id", new { id = world.User.Id })).ShouldNotBe("Stale");

        // Nothing left to repair: the second run (through the command line) finds every copy current.
        var again = await fixture.RunEventsToolAsync("reconcile");
        again.ShouldContain("activities accounts (from sales): ");
        again.ShouldContain("10 directories, 0 row(s) added, 0 updated, 0 failed");
    }

    [Fact]
    public async Task Reconcile_never_rolls_a_copy_back_to_an_older_version()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var contactId = Guid.Parse(world.ContactId);
        // A copy ahead of what the owner lists (as a newer event applied while the owner's page was read).
        (await fixture.ExecuteAsync("activitiesdb", "UPDATE directory_records SET name = 'Newer name', version = version + 5 WHERE record_type = 'Contact' AND id = @contactId", new { contactId })).ShouldBe(1);

        using var http = new HttpClient();
        var results = await new DirectoryReconcile(CrmRun.Load(fixture.DataDir), http).RunAsync(fixture.AdminEmail, fixture.AdminPassword, CancellationToken.None);

        results.ShouldAllBe(r => r.Error == null);
        (await fixture.ScalarAsync<string>("activitiesdb", "SELECT name FROM directory_records WHERE record_type = 'Contact' AND id = @contactId", new { contactId })).ShouldBe("Newer name");

        // Put the owner's copy back: later tests compare directories with their sources.
        (await fixture.ExecuteAsync(
            "activitiesdb",
            "UPDATE directory_records SET name = @name, version = @version WHERE record_type = 'Contact' AND id = @contactId",
            new { name = $"{world.Contact.Str("first_name")} {world.Contact.Str("last_name")}", version = world.Contact.Int("version"), contactId })).ShouldBe(1);
    }

    [Fact]
    public async Task Reconcile_brings_back_a_lost_won_deal_so_its_order_can_be_generated_and_closes_a_reopened_one()
    {
        var won = await BillingDeals.WonAsync(fixture);
        var reopened = await BillingDeals.WonAsync(fixture);
        await BillingDeals.WaitForWonDealAsync(fixture, won.Opportunity.Str("id"), won.Version);
        await BillingDeals.WaitForWonDealAsync(fixture, reopened.Opportunity.Str("id"), reopened.Version);
        var wonId = Guid.Parse(won.Opportunity.Str("id"));
        var reopenedId = Guid.Parse(reopened.Opportunity.Str("id"));
        var reopenedVersion = (await reopened.Client.PutJsonAsync($"/api/v1/opportunities/{reopenedId}", new { stage = "Negotiation", version = reopened.Version }).OkAsync()).Int("version");
        await BillingDeals.WaitForWonDealAsync(fixture, reopenedId.ToString(), reopenedVersion);

        // As if Billing had missed OpportunityClosedWon of one deal and OpportunityReopened of the other.
        (await fixture.ExecuteAsync("billingdb", "DELETE FROM won_deals WHERE opportunity_id = @wonId", new { wonId })).ShouldBe(1);
        (await fixture.ExecuteAsync("billingdb", "UPDATE won_deals SET is_open = true, version = @v WHERE opportunity_id = @reopenedId", new { v = reopened.Version, reopenedId })).ShouldBe(1);
        (await won.Client.PostAsync($"/api/v1/opportunities/{wonId}/generate-order", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);

        using var http = new HttpClient();
        var results = await new DirectoryReconcile(CrmRun.Load(fixture.DataDir), http).RunAsync(fixture.AdminEmail, fixture.AdminPassword, CancellationToken.None);

        var deals = Result(results, "billing", "won-deals");
        deals.Error.ShouldBeNull();
        deals.Added.ShouldBeGreaterThanOrEqualTo(1);
        deals.Updated.ShouldBeGreaterThanOrEqualTo(1);
        var order = await won.Client.PostAsync($"/api/v1/opportunities/{wonId}/generate-order", null).CreatedAsync();
        order.Str("total").ShouldBe("9400.00");
        order["line_items"]!.AsArray().Count.ShouldBe(2);
        (await fixture.ScalarAsync<bool>("billingdb", "SELECT is_open FROM won_deals WHERE opportunity_id = @reopenedId", new { reopenedId })).ShouldBeFalse();
        (await fixture.ScalarAsync<int>("billingdb", "SELECT version FROM won_deals WHERE opportunity_id = @reopenedId", new { reopenedId })).ShouldBe(reopenedVersion);
    }

    private static DirectoryResult Result(IReadOnlyList<DirectoryResult> results, string service, string directory) =>
        results.Single(r => r.Service == service && r.Directory == directory);
}
