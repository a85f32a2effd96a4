using Crm.Events;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary><c>./crm events reconcile</c>: every directory rebuilt from its owner's API, by version, idempotently.</summary>
[Collection(CrmCollection.Name)]
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
                "billing users", "billing accounts",
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
        again.ShouldContain("9 directories, 0 row(s) added, 0 updated, 0 failed");
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
    }

    private static DirectoryResult Result(IReadOnlyList<DirectoryResult> results, string service, string directory) =>
        results.Single(r => r.Service == service && r.Directory == directory);
}
