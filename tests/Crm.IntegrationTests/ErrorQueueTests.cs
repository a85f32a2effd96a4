using Crm.Events;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// A consumer stopped while it retries a failing message: stopping is not failing, so the message goes back to its
/// queue, not to the error queue. Billing's account directory is broken by renaming its table, the way a bad deploy
/// or a lost table would break it (<see cref="PoisonMessageTests"/> covers a message that fails every retry).
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class ErrorQueueTests(CrmFixture fixture)
{
    [Fact]
    public async Task A_consumer_stopped_in_the_middle_of_its_retries_hands_the_message_back_and_applies_it_after_its_restart()
    {
        // MassTransit names a generic consumer's queue after its last type argument: Billing's directory
        // consumers (users, accounts) share billing-billing-db-context.
        var input = await fixture.QueueAsync("billing", "billing-db-context");
        var errorQueue = input + ErrorQueues.Suffix;
        await using var queues = new ErrorQueues(CrmRun.Load(fixture.DataDir));
        var errorsBefore = (await queues.ListAsync(CancellationToken.None)).SingleOrDefault(q => q.Name == errorQueue)?.Messages ?? 0;
        Guid accountId;
        await BreakBillingDirectoryAsync();
        try
        {
            accountId = await CreateAccountAsync();
            // Published (the outbox row is marked) and no longer ready in Billing's queue: Billing holds
            // it unacknowledged, failing and retrying against the missing table.
            await Eventually.WaitForAsync(
                () => fixture.ScalarAsync<long>(
                    "salesdb",
                    "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.AccountCreated' AND payload->'account'->>'accountId' = @id AND dispatched_at IS NOT NULL",
                    new { id = accountId.ToString() }),
                n => n == 1,
                TimeSpan.FromSeconds(30),
                "Sales to publish AccountCreated");
            await Eventually.WaitForAsync(() => fixture.ReadyAsync(input), n => n == 0, TimeSpan.FromSeconds(10), "Billing to take the message");
            await fixture.StopResourceAsync("billing");
        }
        finally
        {
            await RepairBillingDirectoryAsync();
        }

        try
        {
            // Back in the queue, not in the error queue: stopping is not failing.
            (await fixture.ReadyAsync(input)).ShouldBe(1u);
            ((await queues.ListAsync(CancellationToken.None)).SingleOrDefault(q => q.Name == errorQueue)?.Messages ?? 0).ShouldBe(errorsBefore);
        }
        finally
        {
            await fixture.StartResourceAsync("billing");
        }

        await Eventually.WaitForAsync(() => BillingCopiesAsync(accountId), n => n == 1, TimeSpan.FromSeconds(60), "the account in Billing's directory after the restart");
        ((await queues.ListAsync(CancellationToken.None)).SingleOrDefault(q => q.Name == errorQueue)?.Messages ?? 0).ShouldBe(errorsBefore);
    }

    private async Task<Guid> CreateAccountAsync()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var account = await admin.PostJsonAsync("/api/v1/accounts", new { name = Json.Unique("Faulty Co") }).CreatedAsync();
        return Guid.Parse(account.Str("id"));
    }

    private Task<long> BillingCopiesAsync(Guid accountId) =>
        fixture.ScalarAsync<long>("billingdb", "SELECT count(*) FROM directory_records WHERE record_type = 'Account' AND id = @accountId", new { accountId });

    private Task BreakBillingDirectoryAsync() =>
        fixture.ExecuteAsync("billingdb", "ALTER TABLE directory_records RENAME TO directory_records_broken");

    private Task RepairBillingDirectoryAsync() =>
        fixture.ExecuteAsync("billingdb", "ALTER TABLE IF EXISTS directory_records_broken RENAME TO directory_records");
}
