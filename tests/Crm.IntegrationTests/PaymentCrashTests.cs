using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Crm.Testing;
using Npgsql;
using Shouldly;
using Xunit.Abstractions;

namespace Crm.IntegrationTests;

/// <summary>
/// Billing is SIGKILLed again and again while ten clients post payments to one order, each with its own
/// Idempotency-Key, retrying on any error as a client should. No payment may be lost or counted twice.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class PaymentCrashTests(CrmFixture fixture, ITestOutputHelper output)
{
    private const int Clients = 10;
    private const int MaxKills = 6;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Killing_billing_while_clients_retry_keyed_payments_loses_none_and_doubles_none()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var url = $"/api/v1/orders/{order.Str("id")}/payments";
        await using var slowCommits = await SlowPaymentCommitsAsync();
        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(Deadline);
        using var enough = new CancellationTokenSource();

        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            // Amounts of 1.00 to 1.99: even every payment doubled stays far below the order's 9400.00,
            // so an overpayment refusal can never hide a double.
            for (var i = 0; !enough.IsCancellationRequested; i++)
            {
                var amount = 1m + (c * 0.01m) + (i % 10 * 0.1m);
                outcomes.Enqueue(await PayUntilAnsweredAsync(deal.Client, url, Guid.NewGuid().ToString("N"), amount, clock, deadline.Token));
            }
        })).ToList();

        var kills = new List<TimeSpan>();
        while (kills.Count < MaxKills && !(kills.Count >= 2 && outcomes.Any(o => o.ReplayedAfterFailure)))
        {
            // Let the clients get going (and billing come back) before each kill.
            var before = outcomes.Count;
            await Eventually.WaitForAsync(() => Task.FromResult(outcomes.Count), n => n >= before + 10, Deadline, "payments to go through between kills");
            await fixture.KillResourceAsync("billing");
            kills.Add(clock.Elapsed);
        }

        await Eventually.WaitForAsync(() => Task.FromResult(outcomes.Count(o => o.FinishedAt > kills[^1])), n => n >= 10, Deadline, "payments to go through after the last kill");
        await enough.CancelAsync();
        await Task.WhenAll(clients);
        await WaitForBillingAsync();

        var all = outcomes.ToList();
        all.Where(o => o.Status != HttpStatusCode.Created).Select(o => $"{o.Key}: {(int)o.Status} {o.Detail}").ShouldBeEmpty();
        var replayedAfterFailure = all.Count(o => o.ReplayedAfterFailure);
        var recoveries = kills.Select(k => all.Where(o => o.FailedBefore && o.FinishedAt > k).Select(o => o.FinishedAt - k).DefaultIfEmpty().Min()).ToList();
        output.WriteLine($"kills: {kills.Count}, payments: {all.Count}, requests sent: {all.Sum(o => o.Attempts)}, payments retried: {all.Count(o => o.FailedBefore)}, 401s retried: {all.Sum(o => o.Unauthorized)}, " +
            $"stored but answered with an error, then replayed: {replayedAfterFailure}, " +
            $"time from kill to the first retried payment answered: {string.Join(", ", recoveries.Select(r => $"{r.TotalSeconds:0.0}s"))}");

        var perKey = await PaymentsPerKeyAsync(Guid.Parse(order.Str("id")));
        all.Where(o => perKey.GetValueOrDefault(o.Key) != 1).Select(o => $"{o.Key}: {perKey.GetValueOrDefault(o.Key)} payments").ShouldBeEmpty();
        perKey.Count.ShouldBe(all.Count);

        var stored = await deal.Client.GetAsync($"/api/v1/orders/{order.Str("id")}").OkAsync();
        decimal.Parse(stored.Str("total_paid"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(all.Sum(o => o.Amount));

        // The case a retry used to pay twice: the payment was stored but its answer lost. It must have happened here.
        replayedAfterFailure.ShouldBeGreaterThan(0, "no kill landed between a payment's commit and its answer, so the test proved nothing");
    }

    /// <summary>Retries on a connection error, 502, 503 or 504 (what a killed service produces) until a definitive answer.</summary>
    /// <remarks>Each retry resends the same key, as any client after a lost answer should.</remarks>
    private static async Task<Outcome> PayUntilAnsweredAsync(HttpClient client, string url, string key, decimal amount, Stopwatch clock, CancellationToken cancellationToken)
    {
        var body = new { amount, payment_date = "2026-03-01", payment_method = "Bank Transfer", transaction_id = key };
        var failedBefore = false;
        var unauthorized = 0;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var response = await IdempotencyTests.PostAsync(client, url, body, key);
                // 401 too: the token is valid for the whole test, yet a billing that has just restarted has
                // been seen to refuse it for a moment; a browser would sign in again and resend the same key.
                if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.Unauthorized))
                {
                    var replayed = response.Headers.Contains("Idempotent-Replayed");
                    var detail = response.StatusCode == HttpStatusCode.Created ? "" : $"{response.Headers.WwwAuthenticate} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                    return new Outcome(key, amount, response.StatusCode, attempt, failedBefore, failedBefore && replayed, clock.Elapsed, detail, unauthorized);
                }

                unauthorized += response.StatusCode == HttpStatusCode.Unauthorized ? 1 : 0;
            }
            catch (HttpRequestException)
            {
            }

            failedBefore = true;
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>
    /// The test database commits without waiting for the disk (synchronous_commit=off), so a commit takes
    /// microseconds and a kill would hardly ever land between a payment's commit and its answer. A deferred
    /// trigger gives each payment's COMMIT 200 ms (a durable commit on a busy disk): the window in
    /// which a killed service has stored a payment but not yet answered is then wide enough to hit.
    /// </summary>
    private async Task<IAsyncDisposable> SlowPaymentCommitsAsync()
    {
        await ExecuteAsync("""
            CREATE OR REPLACE FUNCTION test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(0.2); RETURN NULL; END $$;
            DROP TRIGGER IF EXISTS test_slow_commit ON payments;
            CREATE CONSTRAINT TRIGGER test_slow_commit AFTER INSERT ON payments
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_slow_commit();
            """);
        return new Cleanup(() => ExecuteAsync("DROP TRIGGER IF EXISTS test_slow_commit ON payments; DROP FUNCTION IF EXISTS test_slow_commit();"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString("billingdb"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private Task WaitForBillingAsync() =>
        Eventually.WaitForAsync(
            async () =>
            {
                try
                {
                    return (await fixture.ServiceClient("billing").GetAsync("/health")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
            },
            s => s == HttpStatusCode.OK,
            TimeSpan.FromMinutes(2),
            "billing to be healthy again");

    private async Task<Dictionary<string, long>> PaymentsPerKeyAsync(Guid orderId)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString("billingdb"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT transaction_id, count(*) FROM payments WHERE order_id = @id GROUP BY transaction_id", db);
        command.Parameters.AddWithValue("id", orderId);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private sealed class Cleanup(Func<Task> run) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await run();
    }

    private sealed record Outcome(string Key, decimal Amount, HttpStatusCode Status, int Attempts, bool FailedBefore, bool ReplayedAfterFailure, TimeSpan FinishedAt, string Detail, int Unauthorized);
}
