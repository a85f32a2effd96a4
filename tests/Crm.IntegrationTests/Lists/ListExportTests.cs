using System.Net;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Lists;

/// <summary><c>GET /{list}/export.csv</c>: the list's rows (all of them, same filters), a header row, formulas escaped.</summary>
public sealed class ListExportTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task The_export_has_the_header_and_exactly_the_filtered_rows_with_formulas_escaped()
    {
        var token = ListViewsTests.Letters();
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        string[] names = [$"=HYPERLINK(\"x\") {token}", $"+1 {token}", $"-2 {token}", $"@x {token}", $"Plain {token}"];
        foreach (var name in names)
        {
            await client.PostJsonAsync("/api/v1/accounts", new { name, phone = "+44 20 7946 0018", type = "Customer" }).CreatedAsync();
        }

        var list = await client.GetAsync($"/api/v1/accounts?q={token}&page_size=2").OkAsync();
        list.Int("total").ShouldBe(names.Length);

        var response = await client.GetAsync($"/api/v1/accounts/export.csv?q={token}&sort=name&page_size=2");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldMatch(@"^accounts-\d{4}-\d{2}-\d{2}\.csv$");

        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Account Name,Phone,Website,Type,Account Owner,Created Date");
        lines.Length.ShouldBe(1 + list.Int("total"), "every matching row, not one page");
        var body = string.Join('\n', lines.Skip(1));
        body.ShouldContain($"\"'=HYPERLINK(\"\"x\"\") {token}\"");
        body.ShouldContain($"'+1 {token}");
        body.ShouldContain($"'-2 {token}");
        body.ShouldContain($"'@x {token}");
        lines.ShouldContain(l => l.StartsWith($"Plain {token},", StringComparison.Ordinal) && l.Contains("'+44 20 7946 0018", StringComparison.Ordinal) && l.Contains(",Customer,", StringComparison.Ordinal));
        lines.Skip(1).ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l, @",\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"));
    }

    [Fact]
    public async Task The_export_applies_the_view_and_filters_of_the_list()
    {
        var token = ListViewsTests.Letters();
        var mine = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var theirs = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        await mine.PostJsonAsync("/api/v1/accounts", new { name = $"Mine {token}" }).CreatedAsync();
        await theirs.PostJsonAsync("/api/v1/accounts", new { name = $"Theirs {token}" }).CreatedAsync();

        var all = (await (await mine.GetAsync($"/api/v1/accounts/export.csv?q={token}")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        all.Length.ShouldBe(3);
        var my = (await (await mine.GetAsync($"/api/v1/accounts/export.csv?q={token}&view=my")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        my.Skip(1).ShouldHaveSingleItem().ShouldStartWith($"Mine {token},");

        (await mine.GetAsync($"/api/v1/accounts/export.csv?sort=nonsense").ProblemAsync())["errors"]!["sort"].ShouldNotBeNull();
        (await mine.GetAsync($"/api/v1/leads/export.csv?status=Nonsense").ProblemAsync())["errors"]!["status"].ShouldNotBeNull();
    }

    [Fact]
    public async Task The_activity_and_case_exports_carry_the_linked_names()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var subject = ListViewsTests.Letters();
        await world.Client.PostJsonAsync("/api/v1/cases", new { subject, status = "New", priority = "High", account_id = world.Account.Str("id") }).CreatedAsync();
        await world.Client.PostJsonAsync("/api/v1/activities", new
        {
            type = "Task",
            subject,
            status = "Not Started",
            priority = "Normal",
            due_date = "2026-12-24",
            assigned_to_id = world.User.Id,
            what_type = "Account",
            what_id = world.Account.Str("id"),
        }).CreatedAsync();

        var cases = (await (await world.Client.GetAsync($"/api/v1/cases/export.csv?q={subject}")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        cases[0].ShouldBe("Case Number,Subject,Account Name,Contact Name,Status,Priority,Case Owner,Date/Time Opened");
        cases.Skip(1).ShouldHaveSingleItem().ShouldContain($",{subject},{world.Account.Str("name")},,New,High,");

        var tasks = (await (await world.Client.GetAsync($"/api/v1/activities/export.csv?type=Task&q={subject}")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        tasks.Skip(1).ShouldHaveSingleItem().ShouldStartWith($"{subject},Task,2026-12-24,,,Not Started,Normal,{world.Account.Str("name")},,");
    }
}
