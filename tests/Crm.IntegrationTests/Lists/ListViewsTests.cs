using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Lists;

/// <summary>The <c>view</c> parameter of every list (all, my, recent) and the services' internal recently viewed lists.</summary>
public sealed class ListViewsTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    public static TheoryData<string> Lists => new()
    {
        "/api/v1/accounts", "/api/v1/contacts", "/api/v1/leads", "/api/v1/opportunities",
        "/api/v1/orders", "/api/v1/payments", "/api/v1/contracts", "/api/v1/cases", "/api/v1/activities?type=Task",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_and_its_export_answer_each_view_and_refuse_an_unknown_one(string list)
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var separator = list.Contains('?') ? '&' : '?';
        var export = list.Contains('?') ? list.Replace("?", "/export.csv?") : list + "/export.csv";

        foreach (var view in new[] { "all", "my", "recent" })
        {
            var page = await client.GetAsync($"{list}{separator}view={view}").OkAsync();
            page["items"]!.AsArray().ShouldNotBeNull();
            var csv = await client.GetAsync($"{export}{separator}view={view}");
            csv.StatusCode.ShouldBe(HttpStatusCode.OK, await csv.Content.ReadAsStringAsync());
            csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        }

        // A brand-new user has opened nothing yet.
        (await client.GetAsync($"{list}{separator}view=recent").OkAsync()).Int("total").ShouldBe(0);

        foreach (var url in new[] { $"{list}{separator}view=everything", $"{export}{separator}view=everything" })
        {
            var problem = await client.GetAsync(url).ProblemAsync();
            problem["errors"]!["view"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["View must be one of: all, my, recent."]);
        }
    }

    [Fact]
    public async Task Accounts_my_is_what_the_caller_owns_and_recent_is_what_they_opened_newest_first()
    {
        var token = Letters();
        var alice = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var bob = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var first = await alice.PostJsonAsync("/api/v1/accounts", new { name = $"First {token}" }).CreatedAsync();
        var second = await alice.PostJsonAsync("/api/v1/accounts", new { name = $"Second {token}" }).CreatedAsync();
        var bobs = await bob.PostJsonAsync("/api/v1/accounts", new { name = $"Third {token}" }).CreatedAsync();

        (await IdsAsync(alice, $"/api/v1/accounts?q={token}")).ShouldBe([first.Str("id"), second.Str("id"), bobs.Str("id")], ignoreOrder: true);
        (await IdsAsync(alice, $"/api/v1/accounts?q={token}&view=my")).ShouldBe([first.Str("id"), second.Str("id")], ignoreOrder: true);
        (await IdsAsync(bob, $"/api/v1/accounts?q={token}&view=my")).ShouldBe([bobs.Str("id")]);

        (await IdsAsync(alice, $"/api/v1/accounts?q={token}&view=recent")).ShouldBeEmpty();
        await alice.GetAsync($"/api/v1/accounts/{second.Str("id")}").OkAsync();
        await alice.GetAsync($"/api/v1/accounts/{bobs.Str("id")}").OkAsync();
        await alice.GetAsync($"/api/v1/accounts/{first.Str("id")}").OkAsync();

        (await IdsAsync(alice, $"/api/v1/accounts?q={token}&view=recent")).ShouldBe([first.Str("id"), bobs.Str("id"), second.Str("id")]);
        (await IdsAsync(alice, $"/api/v1/accounts?q={token}&view=recent&sort=name")).ShouldBe([first.Str("id"), second.Str("id"), bobs.Str("id")]);
        (await IdsAsync(bob, $"/api/v1/accounts?q={token}&view=recent")).ShouldBeEmpty();

        // Opening it again moves it to the top.
        await alice.GetAsync($"/api/v1/accounts/{second.Str("id")}").OkAsync();
        (await IdsAsync(alice, $"/api/v1/accounts?q={token}&view=recent")).First().ShouldBe(second.Str("id"));

        // A missing record is not recorded.
        (await alice.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await alice.GetAsync($"/api/v1/accounts?q={token}&view=recent").OkAsync()).Int("total").ShouldBe(3);
    }

    [Fact]
    public async Task Orders_my_follows_the_account_owner_and_recent_is_per_user()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var other = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var accountId = deal.Account.Str("id");

        (await IdsAsync(deal.Client, $"/api/v1/orders?account_id={accountId}&view=my")).ShouldBe([order.Str("id")]);
        (await IdsAsync(other, $"/api/v1/orders?account_id={accountId}&view=my")).ShouldBeEmpty();
        (await IdsAsync(other, $"/api/v1/orders?account_id={accountId}")).ShouldBe([order.Str("id")]);

        await deal.Client.GetAsync($"/api/v1/orders/{order.Str("id")}").OkAsync();
        (await IdsAsync(deal.Client, $"/api/v1/orders?account_id={accountId}&view=recent")).ShouldBe([order.Str("id")]);
        (await IdsAsync(other, $"/api/v1/orders?account_id={accountId}&view=recent")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cases_my_is_the_owner_and_recent_is_what_was_opened()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var subject = Letters();
        var created = await world.Client.PostJsonAsync("/api/v1/cases", new { subject, status = "New", priority = "High", account_id = world.Account.Str("id") }).CreatedAsync();
        var other = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);

        (await IdsAsync(world.Client, $"/api/v1/cases?q={subject}&view=my")).ShouldBe([created.Str("id")]);
        (await IdsAsync(other, $"/api/v1/cases?q={subject}&view=my")).ShouldBeEmpty();
        (await IdsAsync(other, $"/api/v1/cases?q={subject}&view=recent")).ShouldBeEmpty();

        await other.GetAsync($"/api/v1/cases/{created.Str("id")}").OkAsync();
        (await IdsAsync(other, $"/api/v1/cases?q={subject}&view=recent")).ShouldBe([created.Str("id")]);
        (await IdsAsync(world.Client, $"/api/v1/cases?q={subject}&view=recent")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_internal_recent_list_names_what_the_caller_opened_newest_first_and_skips_deactivated_records()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);
        var account = await client.PostJsonAsync("/api/v1/accounts", new { name = $"Recent {Letters()}" }).CreatedAsync();
        var contact = await client.PostJsonAsync("/api/v1/contacts", new { last_name = Letters(), account_id = account.Str("id") }).CreatedAsync();
        await client.GetAsync($"/api/v1/accounts/{account.Str("id")}").OkAsync();
        await client.GetAsync($"/api/v1/contacts/{contact.Str("id")}").OkAsync();

        var sales = fixture.ServiceClient("sales").WithBearer(user.Token);
        var recent = (await sales.GetAsync("/internal/v1/recent?limit=5").OkAsync()).AsArray();
        recent.Select(r => r!.Str("id")).ShouldBe([contact.Str("id"), account.Str("id")]);
        recent[0]!.Str("type").ShouldBe("Contact");
        recent[0]!.Str("url").ShouldBe($"/contacts/{contact.Str("id")}");
        recent[0]!.Str("subtitle").ShouldBe(account.Str("name"));
        recent[1]!.Str("type").ShouldBe("Account");
        recent[1]!.Str("title").ShouldBe(account.Str("name"));
        recent[1]!.Str("url").ShouldBe($"/accounts/{account.Str("id")}");
        recent[1]!["viewed_at"].ShouldNotBeNull();

        (await sales.GetAsync("/internal/v1/recent?limit=1").OkAsync()).AsArray().Count.ShouldBe(1);

        var stranger = fixture.ServiceClient("sales").WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        (await stranger.GetAsync("/internal/v1/recent").OkAsync()).AsArray().ShouldBeEmpty();

        await client.PutJsonAsync($"/api/v1/contacts/{contact.Str("id")}", new { is_active = false, version = contact.Int("version") }).OkAsync();
        (await sales.GetAsync("/internal/v1/recent").OkAsync()).AsArray().Select(r => r!.Str("id")).ShouldBe([account.Str("id")]);
    }

    [Fact]
    public async Task The_internal_recent_route_is_not_published_by_the_gateway()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);

        // Outside /api the gateway serves the web app's page: no service's answer.
        var internalPath = await client.GetAsync("/internal/v1/recent");
        internalPath.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/json");
        (await internalPath.Content.ReadAsStringAsync()).ShouldNotContain("viewed_at");
        (await client.GetAsync("/api/v1/internal/v1/recent")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Random letters: a search token nothing else in the shared CRM comes close to.</summary>
    internal static string Letters() => string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private static async Task<string[]> IdsAsync(HttpClient client, string url) =>
        (await client.GetAsync(url).OkAsync())["items"]!.AsArray().Select(i => i!.Str("id")).ToArray();
}
