using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Reports;

public sealed class CasesReportTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private static string[] Counts(JsonNode report, string list, string key) =>
        report[list]!.AsArray().Select(r => $"{r!.Str(key)} {r!.Int("count")}").ToArray();

    [Fact]
    public async Task Cases_are_counted_by_status_priority_and_account_with_the_median_time_to_close()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var other = await world.Client.PostJsonAsync("/api/v1/accounts", new { name = Json.Unique("Second Co") }).CreatedAsync();
        await ActivityTestData.WaitForRecordAsync(fixture, "Account", other.Str("id"));
        // A period no other test's cases fall in: the cases are moved there by hand, as if opened then.
        var year = Random.Shared.Next(2101, 2199);

        async Task OpenAsync(string accountId, string status, string priority, string createdAt, string? closedAt = null)
        {
            var opened = await world.Client.PostJsonAsync("/api/v1/cases", new { subject = Json.Unique("Case"), status, priority, account_id = accountId }).CreatedAsync();
            await fixture.ExecuteAsync(
                "activitiesdb",
                "UPDATE cases SET created_at = @created, closed_at = @closed WHERE id = @id",
                new
                {
                    id = Guid.Parse(opened.Str("id")),
                    created = DateTime.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
                    closed = closedAt is null ? (object?)null : DateTime.Parse(closedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
                });
        }

        await OpenAsync(world.AccountId, "New", "High", $"{year}-05-01T10:00:00Z");
        await OpenAsync(world.AccountId, "In Progress", "Medium", $"{year}-05-02T10:00:00Z");
        await OpenAsync(world.AccountId, "Closed", "Low", $"{year}-05-03T00:00:00Z", $"{year}-05-03T10:00:00Z");
        await OpenAsync(other.Str("id"), "New", "High", $"{year}-05-31T23:59:00Z");
        await OpenAsync(other.Str("id"), "Closed", "Medium", $"{year}-05-05T00:00:00Z", $"{year}-05-06T06:00:00Z");
        // Opened before the period, closed in it: not counted as opened, but its time to close counts.
        await OpenAsync(world.AccountId, "Closed", "High", $"{year}-04-20T00:00:00Z", $"{year}-05-10T00:00:00Z");
        // Opened after the period.
        await OpenAsync(world.AccountId, "New", "Low", $"{year}-06-01T00:00:00Z");

        var report = await world.Client.GetAsync($"/api/v1/reports/cases?from={year}-05-01&to={year}-05-31&owner_id=me").OkAsync();
        Counts(report, "by_status", "status").ShouldBe(["New 2", "In Progress 1", "Closed 2"]);
        Counts(report, "by_priority", "priority").ShouldBe(["High 2", "Medium 2", "Low 1"]);
        report["top_accounts"]!.AsArray().Select(a => $"{a!.Str("account_id")} {a!.Str("account_name")} {a!.Int("open_count")}")
            .ShouldBe([$"{world.AccountId} {world.Account.Str("name")} 2", $"{other.Str("id")} {other.Str("name")} 1"]);
        // Closed in May after 10 h, 30 h and 480 h.
        report["median_hours_to_close"]!.GetValue<double>().ShouldBe(30d);

        // An empty period: every status and priority listed with 0, no accounts, no median.
        var empty = await world.Client.GetAsync($"/api/v1/reports/cases?from={year}-01-01&to={year}-01-31&owner_id={world.User.Id}").OkAsync();
        Counts(empty, "by_status", "status").ShouldBe(["New 0", "In Progress 0", "Closed 0"]);
        Counts(empty, "by_priority", "priority").ShouldBe(["High 0", "Medium 0", "Low 0"]);
        empty["top_accounts"]!.AsArray().ShouldBeEmpty();
        empty["median_hours_to_close"].ShouldBeNull();

        // From one day on: the case opened on 31 May and the one opened in June.
        var late = await world.Client.GetAsync($"/api/v1/reports/cases?from={year}-05-31&owner_id=me").OkAsync();
        Counts(late, "by_status", "status").ShouldBe(["New 2", "In Progress 0", "Closed 0"]);
    }

    [Fact]
    public async Task Bad_filters_are_refused_per_field()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var problem = await client.GetAsync("/api/v1/reports/cases?from=2026-13-01&owner_id=nobody").ProblemAsync();
        problem.ErrorsFor("from").ShouldNotBeEmpty();
        problem.ErrorsFor("owner_id").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/reports/cases?from=2026-02-01&to=2026-01-31").ProblemAsync()).ErrorsFor("to").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/reports/cases?to=0001-01-01").ProblemAsync()).ErrorsFor("to").ShouldNotBeEmpty();
    }
}
