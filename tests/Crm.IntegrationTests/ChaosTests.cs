using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Events;
using Crm.Testing;
using Npgsql;
using Shouldly;
using Xunit.Abstractions;

namespace Crm.IntegrationTests;

/// <summary>
/// An ordinary workload (accounts, deals won, orders, payments, tasks) keeps running while the broker
/// is stopped for 30 s, a service is killed and PostgreSQL is killed and kept down for 60 s. Clients
/// behave as a careful client should: every create carries an Idempotency-Key and is retried with the
/// same key after any error until it gets a definitive answer. Afterwards every directory matches its
/// source, every won deal has exactly one order, no payment is doubled and no event waits in an error queue.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class ChaosTests(CrmFixture fixture, ITestOutputHelper output)
{
    private const int Workers = 4;
    private static readonly TimeSpan RetryBudget = TimeSpan.FromMinutes(4);

    private readonly ConcurrentBag<WonDeal> _deals = [];
    private readonly ConcurrentBag<(Guid OrderId, string Key, decimal Amount)> _payments = [];
    private int _requests;
    private int _retries;

    [Fact]
    public async Task Broker_service_and_database_outages_lose_no_event_and_double_no_write()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var product = await admin.PostJsonAsync("/api/v1/products", new { name = Json.Unique("Chaos build"), standard_list_price = 1000 }).CreatedAsync();
        var user = await TestUsers.CreateAsync(fixture);

        await using var queues = new ErrorQueues(CrmRun.Load(fixture.DataDir));
        var failedBefore = await FailedMessagesAsync(queues);
        var eventsBefore = await OutboxTotalAsync();

        using var stop = new CancellationTokenSource();
        var workload = Enumerable.Range(0, Workers)
            .Select(i => Task.Run(() => WorkAsync(i, user, product.Str("id"), stop.Token)))
            .ToList();

        var recovery = new List<string>();
        await Task.Delay(TimeSpan.FromSeconds(5));

        // 1. The broker goes away for 30 s.
        await fixture.StopResourceAsync("rabbitmq");
        await Task.Delay(TimeSpan.FromSeconds(30));
        await fixture.StartResourceAsync("rabbitmq");
        recovery.Add($"rabbitmq stopped 30 s: healthy {await TimeToHealthyAsync():0.0} s after it was started again");
        await Task.Delay(TimeSpan.FromSeconds(5));

        // 2. A service is killed mid-flight; its supervisor brings it back.
        await fixture.KillResourceAsync("billing");
        recovery.Add($"billing killed: healthy again after {await TimeToHealthyAsync():0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(5));

        // 3. The database is killed and stays down for 60 s.
        // Killed, then kept from being restarted until the 60 s are over.
        await fixture.KillResourceAsync("postgres");
        await fixture.StopResourceAsync("postgres");
        await Task.Delay(TimeSpan.FromSeconds(60));
        await fixture.StartResourceAsync("postgres");
        // This process's own pooled connections died with the server.
        NpgsqlConnection.ClearAllPools();
        recovery.Add($"postgres killed, down 60 s: healthy {await TimeToHealthyAsync():0.0} s after it was started again");

        // Let the workload see the recovered system, then stop it; each worker finishes its current step.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(workload);

        var settled = Stopwatch.StartNew();
        await WaitForOutboxesToDrainAsync();
        var mismatches = await DirectoryMismatchesAsync();
        while (mismatches.Count > 0 && settled.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            mismatches = await DirectoryMismatchesAsync();
        }

        recovery.Add($"outboxes drained and directories in step {settled.Elapsed.TotalSeconds:0.0} s after the workload stopped");

        foreach (var line in recovery)
        {
            output.WriteLine(line);
        }

        var events = await OutboxTotalAsync() - eventsBefore;
        var failed = await FailedMessagesAsync(queues) - failedBefore;
        output.WriteLine($"events: {events} published through the outboxes, {failed} in error queues");
        output.WriteLine($"workload: {_deals.Count} deals won with orders, {_payments.Count} payments, {_requests} requests, {_retries} retried after an error");

        mismatches.Take(20).ShouldBeEmpty($"{mismatches.Count} directory rows differ from their source");
        failed.ShouldBe(0);
        _deals.Count.ShouldBeGreaterThan(Workers);
        await AssertEveryWonDealHasExactlyOneOrderAsync();
        await AssertNoPaymentIsDoubledAsync();
    }

    private async Task WorkAsync(int worker, TestUser user, string productId, CancellationToken stop)
    {
        using var client = fixture.CreateClient().WithBearer(user.Token);
        client.Timeout = TimeSpan.FromSeconds(30);
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            n++;
            var account = await CreateAsync(client, "/api/v1/accounts", new { name = $"Chaos {worker}-{n} {Guid.NewGuid():N}"[..24] });
            var opportunity = await CreateAsync(client, "/api/v1/opportunities", new { name = $"Site {worker}-{n}", stage = "Negotiation", account_id = account.Str("id") });
            var id = opportunity.Str("id");
            var withLine = await CreateAsync(client, $"/api/v1/opportunities/{id}/line_items", new { product_id = productId, quantity = 1, sale_price = "1000.00" });
            await WinAsync(client, id, withLine.Int("version"));

            // Billing learns of the deal through the broker: 404 until it has.
            var order = await CreateAsync(client, $"/api/v1/opportunities/{id}/generate-order", new { }, retryNotFound: true);
            var orderId = Guid.Parse(order.Str("id"));
            _deals.Add(new WonDeal(Guid.Parse(id), orderId));

            foreach (var amount in new[] { 300m, 200m })
            {
                var key = Guid.NewGuid().ToString();
                await CreateAsync(client, $"/api/v1/orders/{orderId}/payments", new { amount, payment_date = "2026-03-01", payment_method = "Bank Transfer" }, key: key);
                _payments.Add((orderId, key, amount));
            }

            await CreateAsync(client, "/api/v1/activities", new
            {
                type = "Task",
                subject = $"Kick-off {worker}-{n}",
                assigned_to_id = user.Id,
                status = "Not Started",
                priority = "Normal",
                due_date = "2026-12-20",
                what_type = "Opportunity",
                what_id = id,
            }, retryNotFound: true, retryBadRequest: true);
        }
    }

    /// <summary>POSTs with one Idempotency-Key until a definitive answer; anything but 201 is a failure.</summary>
    private async Task<JsonNode> CreateAsync(HttpClient client, string url, object body, string? key = null, bool retryNotFound = false, bool retryBadRequest = false)
    {
        key ??= Guid.NewGuid().ToString();
        var response = await SendUntilDefinitiveAsync(
            client,
            () => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } } },
            status => (retryNotFound && status == HttpStatusCode.NotFound)
                // Activities refuses a link to a record its directory has not heard of yet (400 on what_id).
                || (retryBadRequest && status == HttpStatusCode.BadRequest));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, $"POST {url}: {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task WinAsync(HttpClient client, string id, int version)
    {
        var response = await SendUntilDefinitiveAsync(
            client,
            () => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/opportunities/{id}") { Content = JsonContent.Create(new { stage = "Closed Won", version }) },
            _ => false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            // The first attempt was applied but its answer lost: the record must now be won.
            var current = await (await SendUntilDefinitiveAsync(client, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/opportunities/{id}"), _ => false)).ReadJsonAsync();
            current.Str("stage").ShouldBe("Closed Won");
            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SendUntilDefinitiveAsync(HttpClient client, Func<HttpRequestMessage> request, Func<HttpStatusCode, bool> alsoRetry)
    {
        var deadline = DateTime.UtcNow + RetryBudget;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            Interlocked.Increment(ref _requests);
            HttpResponseMessage? response = null;
            try
            {
                using var message = request();
                response = await client.SendAsync(message);
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests && !alsoRetry(response.StatusCode))
                {
                    return response;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No definitive answer within {RetryBudget.TotalMinutes} minutes; last {(int?)response?.StatusCode}");
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 4000));
        }
    }

    private async Task<double> TimeToHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        using var client = fixture.CreateClient();
        await Eventually.WaitForAsync(
            async () =>
            {
                try
                {
                    return (await client.GetAsync("/api/v1/health")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.BadGateway;
                }
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromMinutes(3),
            "the CRM to report healthy");
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> FailedMessagesAsync(ErrorQueues queues) =>
        (await queues.ListAsync(CancellationToken.None)).Sum(q => (long)q.Messages);

    private async Task<long> OutboxTotalAsync()
    {
        long total = 0;
        foreach (var database in new[] { "identitydb", "salesdb", "billingdb", "activitiesdb" })
        {
            total += await ScalarAsync(database, "SELECT count(*) FROM outbox_messages");
        }

        return total;
    }

    private async Task WaitForOutboxesToDrainAsync()
    {
        foreach (var database in new[] { "identitydb", "salesdb", "billingdb", "activitiesdb" })
        {
            await Eventually.WaitForAsync(
                () => ScalarAsync(database, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL"),
                n => n == 0,
                TimeSpan.FromMinutes(3),
                $"{database}'s outbox to be published");
        }
    }

    /// <summary>Every copy of a record in another service's directory has the source's version; none is missing.</summary>
    private async Task<List<string>> DirectoryMismatchesAsync()
    {
        var sources = new Dictionary<string, Dictionary<Guid, int>>
        {
            ["users"] = await VersionsAsync("identitydb", "SELECT id, version FROM users"),
            ["Account"] = await VersionsAsync("salesdb", "SELECT id, version FROM accounts"),
            ["Contact"] = await VersionsAsync("salesdb", "SELECT id, version FROM contacts"),
            ["Lead"] = await VersionsAsync("salesdb", "SELECT id, version FROM leads"),
            ["Opportunity"] = await VersionsAsync("salesdb", "SELECT id, version FROM opportunities"),
            ["Order"] = await VersionsAsync("billingdb", "SELECT id, version FROM orders"),
        };
        var copies = new (string Database, string Kind)[]
        {
            ("salesdb", "users"), ("billingdb", "users"), ("activitiesdb", "users"),
            ("billingdb", "Account"),
            ("activitiesdb", "Account"), ("activitiesdb", "Contact"), ("activitiesdb", "Lead"), ("activitiesdb", "Opportunity"), ("activitiesdb", "Order"),
        };
        var mismatches = new List<string>();
        foreach (var (database, kind) in copies)
        {
            var copy = kind == "users"
                ? await VersionsAsync(database, "SELECT id, version FROM directory_users")
                : await VersionsAsync(database, $"SELECT id, version FROM directory_records WHERE record_type = '{kind}'");
            foreach (var (id, version) in sources[kind])
            {
                if (!copy.TryGetValue(id, out var copied))
                {
                    mismatches.Add($"{database} has no {kind} {id}");
                }
                else if (copied != version)
                {
                    mismatches.Add($"{database} holds {kind} {id} at version {copied}, the source at {version}");
                }
            }
        }

        return mismatches;
    }

    private async Task AssertEveryWonDealHasExactlyOneOrderAsync()
    {
        var orders = await VersionsAsync("billingdb", "SELECT opportunity_id, count(*)::int FROM orders GROUP BY opportunity_id");
        var wonDeals = await VersionsAsync("billingdb", "SELECT opportunity_id, count(*)::int FROM won_deals GROUP BY opportunity_id");
        foreach (var deal in _deals)
        {
            orders.GetValueOrDefault(deal.OpportunityId).ShouldBe(1, $"orders of opportunity {deal.OpportunityId}");
            wonDeals.GetValueOrDefault(deal.OpportunityId).ShouldBe(1, $"won deals of opportunity {deal.OpportunityId}");
        }

        // And nothing the workload did not mean to create: every won opportunity has at most one order.
        orders.Values.ShouldAllBe(count => count == 1);
    }

    private async Task AssertNoPaymentIsDoubledAsync()
    {
        using var client = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        foreach (var order in _payments.GroupBy(p => p.OrderId))
        {
            var read = await client.GetAsync($"/api/v1/orders/{order.Key}").OkAsync();
            read["payments"]!.AsArray().Count.ShouldBe(order.Count(), $"payments of order {order.Key}");
            decimal.Parse(read.Str("total_paid"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(order.Sum(p => p.Amount), $"total paid of order {order.Key}");
        }
    }

    private async Task<Dictionary<Guid, int>> VersionsAsync(string database, string sql)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString(database));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<Guid, int>();
        while (await reader.ReadAsync())
        {
            result[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        return result;
    }

    private async Task<long> ScalarAsync(string database, string sql)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString(database));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record WonDeal(Guid OpportunityId, Guid OrderId);
}
