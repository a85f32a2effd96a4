using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Xunit.Abstractions;

namespace Crm.PlatformTests;

/// <summary>
/// The restore drill, on the real AppHost as <c>./crm run</c> starts it (WAL archived by pgBackRest): records in all four
/// databases, <c>./crm backup</c>, more changes, a noted moment, a bad change (rows deleted by hand), the CRM stopped,
/// <c>./crm restore --to</c> that moment, and the next start: every earlier record back with its version, the bad
/// change and everything after the moment gone, and every event delivered once across the services.
/// </summary>
public sealed class BackupRestoreDrillTests(PlatformRun run, ITestOutputHelper output) : IClassFixture<PlatformRun>
{
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_restore_to_a_moment_brings_back_every_earlier_record_and_nothing_after_it()
    {
        var app = run.FirstLinks.App;
        using var admin = await CrmSession.SignInAsync(app, PlatformRun.AdminEmail, PlatformRun.AdminPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];

        // Before the backup: a user (identity), an account, contact and won deal (sales), its order (billing), a case (activities).
        var user = await admin.SendAsync(HttpMethod.Post, "/api/v1/admin/users", new { first_name = "Drill", last_name = tag, email = $"drill-{tag}@crm.local", role = "User" }, HttpStatusCode.Created);
        var account = await admin.SendAsync(HttpMethod.Post, "/api/v1/accounts", new { name = $"Drill Co {tag}" }, HttpStatusCode.Created);
        var accountId = account["id"]!.GetValue<string>();
        var contact = await admin.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { last_name = $"Drill {tag}", account_id = accountId }, HttpStatusCode.Created);
        var product = await admin.SendAsync(HttpMethod.Post, "/api/v1/products", new { name = $"Drill build {tag}", standard_list_price = 1000 }, HttpStatusCode.Created);
        var opportunity = await admin.SendAsync(HttpMethod.Post, "/api/v1/opportunities", new { name = $"Drill deal {tag}", stage = "Negotiation", account_id = accountId }, HttpStatusCode.Created);
        var opportunityId = opportunity["id"]!.GetValue<string>();
        var line = await admin.SendAsync(HttpMethod.Post, $"/api/v1/opportunities/{opportunityId}/line_items", new { product_id = product["id"]!.GetValue<string>(), quantity = 2, sale_price = 1000 }, HttpStatusCode.Created);
        await admin.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{opportunityId}", new { stage = "Closed Won", version = line["version"]!.GetValue<int>() }, HttpStatusCode.OK);
        var order = await UntilAsync(() => admin.TrySendAsync(HttpMethod.Post, $"/api/v1/opportunities/{opportunityId}/generate-order", null, HttpStatusCode.Created), "the won deal reaches billing");
        var orderId = order["id"]!.GetValue<string>();
        var caseRecord = await admin.SendAsync(HttpMethod.Post, "/api/v1/cases", new { subject = $"Drill case {tag}", status = "New", priority = "High", account_id = accountId }, HttpStatusCode.Created);
        var caseId = caseRecord["id"]!.GetValue<string>();

        var backup = await run.CrmAsync("backup");
        backup.ExitCode.ShouldBe(0, backup.Output);
        output.WriteLine(backup.Output.Trim());

        // After the backup, before the moment: a rename (version 2) and a payment, both carried by the WAL alone.
        var renamed = await admin.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}", new { name = $"Drill Renamed {tag}", version = account["version"]!.GetValue<int>() }, HttpStatusCode.OK);
        renamed["version"]!.GetValue<int>().ShouldBe(2);
        var payment = await admin.SendAsync(HttpMethod.Post, $"/api/v1/orders/{orderId}/payments", new { amount = 500, payment_date = DateTime.UtcNow.ToString("yyyy-MM-dd"), payment_method = "Bank Transfer" }, HttpStatusCode.Created);
        // Every service has heard of the rename before the moment, so its directory must come back renamed.
        await UntilAsync(async () => (await admin.TrySendAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}", null, HttpStatusCode.OK)) is { } o && o["account_name"]!.GetValue<string>() == $"Drill Renamed {tag}" ? o : null, "billing hears of the rename");
        var beforeMoment = await CountsAsync(tag);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var moment = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // After the moment: a new account (its event reaches the other services), then the bad change: rows deleted by hand.
        await admin.SendAsync(HttpMethod.Post, "/api/v1/accounts", new { name = $"Drill Later {tag}" }, HttpStatusCode.Created);
        await ExecuteAsync("activities", "DELETE FROM cases");
        await ExecuteAsync("sales", $"DELETE FROM contacts WHERE last_name = 'Drill {tag}'");
        (await CountsAsync(tag)).Cases.ShouldBe(0);
        // The WAL up to now into the archive, as archive_timeout would within a minute.
        await ArchiveCurrentWalAsync();

        var processes = run.Processes();
        run.Current.Terminate();
        await run.WaitUntilGoneAsync(processes, Stopwatch.StartNew(), TimeSpan.FromSeconds(60));

        var rto = Stopwatch.StartNew();
        var refused = await run.CrmAsync("restore", "--to");
        refused.ExitCode.ShouldBe(2, "a restore without its moment is a usage error");
        var restore = await run.CrmAsync("restore", "--to", moment.ToString("yyyy-MM-dd HH:mm:ss.fff+00:00", System.Globalization.CultureInfo.InvariantCulture));
        restore.ExitCode.ShouldBe(0, restore.Output);
        await run.StartAsync();
        await run.Current.WaitForSummaryAsync(PlatformRun.StartTimeout);
        output.WriteLine($"restore to {moment:HH:mm:ss.fff}: {restore.Output.Trim()} RTO (restore + start until serving): {rto.Elapsed.TotalSeconds:F1} s");

        using var again = await CrmSession.SignInAsync(app, PlatformRun.AdminEmail, PlatformRun.AdminPassword);
        (await again.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{accountId}", null, HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(2);
        (await again.SendAsync(HttpMethod.Get, $"/api/v1/contacts/{contact["id"]!.GetValue<string>()}", null, HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(contact["version"]!.GetValue<int>());
        (await again.SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}", null, HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(caseRecord["version"]!.GetValue<int>());
        (await again.SendAsync(HttpMethod.Get, $"/api/v1/payments/{payment["id"]!.GetValue<string>()}", null, HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(payment["version"]!.GetValue<int>());
        (await again.SendAsync(HttpMethod.Get, $"/api/v1/admin/users/{user["id"]!.GetValue<string>()}", null, HttpStatusCode.OK))["email"]!.GetValue<string>().ShouldBe($"drill-{tag}@crm.local");
        var restoredOrder = await again.SendAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}", null, HttpStatusCode.OK);
        restoredOrder["total_paid"]!.GetValue<string>().ShouldBe("500.00");
        restoredOrder["account_name"]!.GetValue<string>().ShouldBe($"Drill Renamed {tag}");

        // The outboxes drain (the hour before the moment published again), and every service holds exactly what it held at the moment.
        await UntilAsync(async () => await PendingOutboxAsync() == 0 ? new JsonObject() : null, "every outbox drains after the restore");
        var after = await CountsAsync(tag);
        after.ShouldBe(beforeMoment, "the same records and the same events applied, in every database");
        after.LaterAccounts.ShouldBe(0);
    }

    private sealed record Counts(long Accounts, long LaterAccounts, long Contacts, long Cases, long Payments, long BillingDirectory, long ActivitiesDirectory, long DuplicateInbox);

    private async Task<Counts> CountsAsync(string tag) => new(
        await ScalarAsync("sales", $"SELECT count(*) FROM accounts WHERE name LIKE 'Drill % {tag}'"),
        await ScalarAsync("sales", $"SELECT count(*) FROM accounts WHERE name = 'Drill Later {tag}'"),
        await ScalarAsync("sales", $"SELECT count(*) FROM contacts WHERE last_name = 'Drill {tag}'"),
        await ScalarAsync("activities", $"SELECT count(*) FROM cases WHERE subject = 'Drill case {tag}'"),
        await ScalarAsync("billing", "SELECT count(*) FROM payments"),
        await ScalarAsync("billing", $"SELECT count(*) FROM directory_records WHERE name LIKE 'Drill % {tag}'"),
        await ScalarAsync("activities", $"SELECT count(*) FROM directory_records WHERE name LIKE 'Drill % {tag}'"),
        await ScalarAsync("billing", "SELECT count(*) - count(DISTINCT (message_id, consumer)) FROM inbox_messages")
            + await ScalarAsync("activities", "SELECT count(*) - count(DISTINCT (message_id, consumer)) FROM inbox_messages"));

    private async Task<long> PendingOutboxAsync()
    {
        long pending = 0;
        foreach (var database in new[] { "identity", "sales", "billing", "activities" })
        {
            pending += await ScalarAsync(database, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL");
        }

        return pending;
    }

    private async Task ArchiveCurrentWalAsync()
    {
        var wal = await ScalarTextAsync("SELECT pg_walfile_name(pg_switch_wal())");
        await UntilAsync(async () => string.CompareOrdinal(await ScalarTextAsync("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver"), wal) >= 0 ? new JsonObject() : null, $"WAL {wal} archived");
    }

    private async Task<T> UntilAsync<T>(Func<Task<T?>> attempt, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Eventually;
        while (true)
        {
            if (await attempt() is { } done)
            {
                return done;
            }

            (DateTime.UtcNow < deadline).ShouldBeTrue($"{what}: not within {Eventually.TotalSeconds:F0} s");
            await Task.Delay(250);
        }
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> ScalarTextAsync(string sql)
    {
        await using var connection = await OpenAsync("postgres");
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The run's PostgreSQL: its port is in the backup configuration written at start, the password under the data dir.</summary>
    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var config = await File.ReadAllLinesAsync(Path.Combine(run.DataDir, "backups", "pgbackrest.conf"));
        var port = int.Parse(config.Single(l => l.StartsWith("pg1-port=", StringComparison.Ordinal))["pg1-port=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var password = (await File.ReadAllTextAsync(Path.Combine(run.DataDir, "secrets", "postgres-password"))).Trim();
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "crm", Password = password, Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
