using Crm.Events;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// A poison message: Billing cannot store one account's directory row (a trigger refuses exactly that row, as a
/// constraint the data breaks would). Its AccountCreated is retried on the (test-short) schedule, then waits in its
/// error queue until <c>./crm events redrive</c> sends it back, and is applied once. Every other message keeps
/// flowing meanwhile, so this runs beside the other tests.
/// </summary>
public sealed class PoisonMessageTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task A_message_that_fails_every_retry_waits_in_the_error_queue_and_a_redrive_applies_it_once()
    {
        await using var queues = new ErrorQueues(CrmRun.Load(fixture.DataDir));
        var name = Json.Unique("Poison Co");
        var trigger = "refuse_" + Guid.NewGuid().ToString("N")[..12];
        Guid accountId;
        ErrorQueue failed;
        await fixture.ExecuteAsync("billingdb", $"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.name = '{name}' THEN RAISE EXCEPTION 'directory_records cannot store %', NEW.name; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE ON directory_records FOR EACH ROW EXECUTE FUNCTION {trigger}();
            """);
        try
        {
            var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
            accountId = Guid.Parse((await admin.PostJsonAsync("/api/v1/accounts", new { name }).CreatedAsync()).Str("id"));
            // The schedule runs out in about 1.5 min (CrmFixture.TestRetryIntervals).
            failed = (await Eventually.WaitForAsync(
                async () => (await queues.ListAsync(CancellationToken.None)).FirstOrDefault(q =>
                    q.Name.StartsWith("billing-", StringComparison.Ordinal) && q.Messages > 0 && q.MessageType?.Contains("AccountCreated", StringComparison.Ordinal) == true),
                q => q is not null,
                TimeSpan.FromSeconds(200),
                "the AccountCreated message in Billing's error queue"))!;
            failed.Messages.ShouldBe(1u);
            failed.InputQueue.ShouldBe(failed.Name[..^ErrorQueues.Suffix.Length]);
            failed.Exception.ShouldNotBeNull().ShouldContain("directory_records cannot store");

            var listed = await fixture.RunEventsToolAsync("list");
            listed.ShouldContain($"{failed.Name}: 1 message(s) (input queue {failed.InputQueue})");
            listed.ShouldContain("AccountCreated");
        }
        finally
        {
            await fixture.ExecuteAsync("billingdb", $"DROP TRIGGER IF EXISTS {trigger} ON directory_records; DROP FUNCTION IF EXISTS {trigger}();");
        }

        // Repairing the data alone brings nothing back: the message waits for the redrive.
        (await BillingCopiesAsync(accountId)).ShouldBe(0);
        (await fixture.RunEventsToolAsync("redrive", "--queue", failed.Name)).ShouldContain($"moved 1 message(s) from {failed.Name} to {failed.InputQueue}");

        await Eventually.WaitForAsync(() => BillingCopiesAsync(accountId), n => n == 1, TimeSpan.FromSeconds(30), "the redriven account in Billing's directory");
        var messageId = await fixture.ScalarAsync<Guid>(
            "salesdb", "SELECT message_id FROM outbox_messages WHERE message_type LIKE '%.AccountCreated' AND payload->'account'->>'accountId' = @id", new { id = accountId.ToString() });
        (await fixture.ScalarAsync<long>("billingdb", "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId AND consumer = 'account-directory'", new { messageId })).ShouldBe(1);
        (await queues.ListAsync(CancellationToken.None)).Single(q => q.Name == failed.Name).Messages.ShouldBe(0u);
        (await fixture.RunEventsToolAsync("redrive", "--queue", failed.Name)).ShouldContain("redrove 0 message(s) from 1 error queue(s)");
    }

    private Task<long> BillingCopiesAsync(Guid accountId) =>
        fixture.ScalarAsync<long>("billingdb", "SELECT count(*) FROM directory_records WHERE record_type = 'Account' AND id = @accountId", new { accountId });
}
