using System.Net;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests.Adversarial;

/// <summary>
/// Rows stored before dates were bounded (the API took 9999-12-31) must read again: the code may not
/// overflow on them, and the dates_in_range migrations bring them into 1900-01-01..2200-12-31. The rows
/// are written here straight into the databases, as the old API would have stored them, and each
/// migration script is run again (they only touch rows out of range).
/// </summary>
public sealed class OutOfRangeRowsTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task An_all_day_event_ending_9999_12_31_reads_and_the_migration_brings_it_and_an_infinite_task_into_range()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var adminId = Guid.Parse((await admin.GetAsync("/api/v1/auth/me").OkAsync()).Str("id"));
        Guid eventId = Guid.CreateVersion7(), taskId = Guid.CreateVersion7();
        await ExecuteAsync("activitiesdb", """
            INSERT INTO activities (id, type, subject, start_time, end_time, is_all_day_event, assigned_to_id, scheduled_at, version, created_at, created_by, updated_at, updated_by)
            VALUES (@event, 'Event', 'Forever', '2026-03-01T00:00:00Z', '9999-12-31T00:00:00Z', true, @user, '2026-03-01T00:00:00Z', 1, now(), @user, now(), @user);
            INSERT INTO activities (id, type, subject, status, priority, due_date, assigned_to_id, scheduled_at, version, created_at, created_by, updated_at, updated_by)
            VALUES (@task, 'Task', 'Someday', 'NotStarted', 'Normal', 'infinity', @user, 'infinity', 1, now(), @user, now(), @user);
            """, ("event", eventId), ("task", taskId), ("user", adminId));

        // The code alone no longer overflows on them: the record and the list read.
        (await admin.GetAsync($"/api/v1/activities/{eventId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/activities/{taskId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/v1/activities?q=Forever")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await RunMigrationAsync("activitiesdb", "services/Activities/Infrastructure/Migrations/0004_dates_in_range.sql");

        var forever = await admin.GetAsync($"/api/v1/activities/{eventId}").OkAsync();
        forever.Str("start_time").ShouldBe("2026-03-01T00:00:00Z");
        forever.Str("end_time").ShouldBe("2200-12-31T00:00:00Z");
        (await admin.GetAsync($"/api/v1/activities/{taskId}").OkAsync()).Str("due_date").ShouldBe("2200-12-31");
    }

    [Fact]
    public async Task A_contract_ending_9999_12_31_and_payments_out_of_range_are_brought_into_range()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var payment = await deal.Client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount = 10, payment_date = "2026-01-15", payment_method = "Cash", service_period_start = "2026-01-01", service_period_end = "2026-01-31" }).CreatedAsync();
        var plain = await deal.Client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount = 10, payment_date = "2026-01-15", payment_method = "Cash" }).CreatedAsync();
        var contract = await deal.GenerateContractAsync(new { start_date = "2026-01-01", end_date = "2026-12-31", billing_cycle = "Quarterly" });
        await ExecuteAsync("billingdb", """
            UPDATE contracts SET end_date = '9999-12-31' WHERE id = @contract;
            UPDATE payments SET payment_date = '0001-01-01', service_period_start = '9999-01-01', service_period_end = '9999-12-31' WHERE id = @payment;
            UPDATE payments SET payment_date = '9999-12-31' WHERE id = @plain;
            """, ("contract", Guid.Parse(contract.Str("id"))), ("payment", Guid.Parse(payment.Str("id"))), ("plain", Guid.Parse(plain.Str("id"))));

        await RunMigrationAsync("billingdb", "services/Billing/Infrastructure/Migrations/0006_dates_in_range.sql");

        var read = await deal.Client.GetAsync($"/api/v1/contracts/{contract.Str("id")}").OkAsync();
        read.Str("start_date").ShouldBe("2026-01-01");
        read.Str("end_date").ShouldBe("2200-12-31");
        var paid = await deal.Client.GetAsync($"/api/v1/payments/{payment.Str("id")}").OkAsync();
        paid.Str("payment_date").ShouldBe("1900-01-01");
        paid.Str("service_period_start").ShouldBe("2200-12-31");
        paid.Str("service_period_end").ShouldBe("2200-12-31");
        var other = await deal.Client.GetAsync($"/api/v1/payments/{plain.Str("id")}").OkAsync();
        other.Str("payment_date").ShouldBe("2200-12-31");
        other["service_period_start"].ShouldBeNull();
        other["service_period_end"].ShouldBeNull();
        read.Str("status").ShouldBe("Active");
        read["terminated_on"].ShouldBeNull();
    }

    [Fact]
    public async Task A_close_date_out_of_range_is_brought_into_range()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var account = await admin.PostJsonAsync("/api/v1/accounts", new { name = Json.Unique("Ancient") }).CreatedAsync();
        var opportunity = await admin.PostJsonAsync("/api/v1/opportunities", new { name = "Old deal", stage = "Qualifying", account_id = account.Str("id") }).CreatedAsync();
        await ExecuteAsync("salesdb", "UPDATE opportunities SET close_date = '0001-01-01' WHERE id = @id", ("id", Guid.Parse(opportunity.Str("id"))));

        await RunMigrationAsync("salesdb", "services/Sales/Infrastructure/Migrations/0006_dates_in_range.sql");

        (await admin.GetAsync($"/api/v1/opportunities/{opportunity.Str("id")}").OkAsync()).Str("close_date").ShouldBe("1900-01-01");
    }

    private Task RunMigrationAsync(string database, string script) =>
        ExecuteAsync(database, File.ReadAllText(Path.Combine(fixture.RepoRoot, script)));

    private async Task ExecuteAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
