using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Search;

/// <summary>
/// <c>GET /api/v1/search</c> through the gateway: ranking, the fields and record numbers it matches, typos,
/// what lists hide, freshness and bad input. Every test finds only its own records by random-letter words.
/// </summary>
public sealed class SearchApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private async Task<HttpClient> UserClientAsync() => fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);

    private static async Task<string> AccountAsync(HttpClient client, string name, string? phone = null, string? website = null) =>
        (await client.PostJsonAsync("/api/v1/accounts", new { name, phone, website }).CreatedAsync()).Str("id");

    [Fact]
    public async Task Exact_matches_come_before_prefixes_before_words_before_matches_inside_a_word()
    {
        var client = await UserClientAsync();
        var token = SearchTokens.Word();
        var inside = await AccountAsync(client, $"Big{token.ToLowerInvariant()}x Ltd");
        var word = await AccountAsync(client, $"Studio {token}");
        var prefix = await AccountAsync(client, $"{token} Studio");
        var exact = await AccountAsync(client, token);

        var answer = await client.SearchAsync(token.ToLowerInvariant(), "Account");

        var ids = answer.Ids("Account").Where(id => id == exact || id == prefix || id == word || id == inside).ToList();
        ids.ShouldBe([exact, prefix, word, inside]);
        answer.Str("q").ShouldBe(token.ToLowerInvariant());
        answer["partial"]!.GetValue<bool>().ShouldBeFalse();
        answer["unavailable"]!.AsArray().ShouldBeEmpty();
        var item = answer.Group("Account")!["items"]!.AsArray().First(i => i!.Str("id") == exact)!;
        item.Str("title").ShouldBe(token);
        item.Str("url").ShouldBe($"/accounts/{exact}");
        answer.Group("Account")!.Int("total").ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Searches_repeated_past_the_point_where_postgres_keeps_a_plan_still_find_each_record()
    {
        // A term of three characters or more runs prepared statements (SearchRunner), and after five runs on a
        // connection PostgreSQL may switch to a generic plan: every answer after that must be as exact as before.
        var client = await UserClientAsync();
        var tokens = Enumerable.Range(0, 3).Select(_ => SearchTokens.Word()).ToList();
        var ids = new List<string>();
        foreach (var token in tokens)
        {
            ids.Add(await AccountAsync(client, token));
        }

        for (var i = 0; i < 24; i++)
        {
            var n = i % tokens.Count;
            var answer = i % 2 == 0
                ? await client.SearchAsync(tokens[n].ToLowerInvariant(), "Account")
                : await client.SearchAsync(SearchTokens.WithTypo(tokens[n], 4));
            answer.Ids("Account").ShouldContain(ids[n], $"search {i} for {tokens[n]}");
            answer.Ids("Account").ShouldNotContain(ids[(n + 1) % tokens.Count]);
            if (i % 2 == 0)
            {
                answer.Ids("Account").First().ShouldBe(ids[n]);
            }
        }
    }

    [Fact]
    public async Task Emails_phones_and_websites_are_matched()
    {
        var client = await UserClientAsync();
        var token = SearchTokens.Word();
        var digits = SearchTokens.Digits(9);
        var account = await AccountAsync(client, SearchTokens.Word(), phone: $"+1 {digits}", website: $"https://www.{token.ToLowerInvariant()}.example");
        var contact = (await client.PostJsonAsync("/api/v1/contacts", new
        {
            first_name = "Ada",
            last_name = SearchTokens.Word(),
            email = $"{token.ToLowerInvariant()}@mail.example",
            account_id = account,
        }).CreatedAsync()).Str("id");

        var byEmail = await client.SearchAsync($"{token}@mail.example", "Contact,Account");
        byEmail.Ids("Contact").ShouldContain(contact);
        byEmail.Group("Contact")!["items"]!.AsArray().First(i => i!.Str("id") == contact)!.Str("url").ShouldBe($"/contacts/{contact}");
        (await client.SearchAsync(digits[2..], "Account")).Ids("Account").ShouldContain(account);
        var byWebsite = await client.SearchAsync($"www.{token}", "Account,Contact");
        byWebsite.Ids("Account").ShouldContain(account);
        byWebsite["groups"]!.AsArray().Select(g => g!.Str("type")).ShouldBe(["Account", "Contact"]);
    }

    [Fact]
    public async Task A_typo_in_a_long_word_still_finds_the_record()
    {
        var client = await UserClientAsync();
        var token = SearchTokens.Word(7);
        var id = await AccountAsync(client, $"{token} Digital");

        (await client.SearchAsync(SearchTokens.WithTypo(token, 3), "Account")).Ids("Account").ShouldContain(id);
        (await client.SearchAsync(SearchTokens.WithTypo(token, 6), "Account")).Ids("Account").ShouldContain(id);
        // Two typos are not one.
        (await client.SearchAsync(SearchTokens.WithTypo(SearchTokens.WithTypo(token, 2), 5), "Account")).Ids("Account").ShouldNotContain(id);
    }

    [Fact]
    public async Task Orders_contracts_and_cases_are_found_by_their_numbers()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var retainer = await BillingDeals.WonAsync(fixture);
        var contract = await retainer.GenerateContractAsync(new { start_date = "2026-01-01", end_date = "2099-12-31", billing_cycle = "Monthly" });
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var subject = $"Broken form {SearchTokens.Word()}";
        var kase = await world.Client.PostJsonAsync("/api/v1/cases", new { subject, status = "New", priority = "High", account_id = world.AccountId }).CreatedAsync();

        var byOrder = await deal.Client.SearchAsync(order.Str("order_number"), "Order");
        byOrder.Ids("Order").First().ShouldBe(order.Str("id"));
        byOrder.Group("Order")!["items"]![0]!.Str("title").ShouldBe(order.Str("order_number"));
        byOrder.Group("Order")!["items"]![0]!.Str("url").ShouldBe($"/orders/{order.Str("id")}");
        (await retainer.Client.SearchAsync(contract.Str("contract_number"), "Contract")).Ids("Contract").First().ShouldBe(contract.Str("id"));
        var byCase = await world.Client.SearchAsync(kase.Str("case_number"), "Case");
        byCase.Ids("Case").First().ShouldBe(kase.Str("id"));
        byCase.Group("Case")!["items"]![0]!.Str("title").ShouldBe(subject);
        (await world.Client.SearchAsync(subject.Split(' ')[^1], "Case")).Ids("Case").ShouldBe([kase.Str("id")]);
    }

    [Fact]
    public async Task What_the_lists_hide_is_not_found_and_a_rename_is_found_at_once()
    {
        var client = await UserClientAsync();
        var token = SearchTokens.Word();
        var id = await AccountAsync(client, $"{token} Old");
        (await client.SearchAsync(token, "Account")).Ids("Account").ShouldBe([id]);

        var renamed = SearchTokens.Word();
        (await client.PutJsonAsync($"/api/v1/accounts/{id}", new { name = $"{renamed} New", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SearchAsync(renamed, "Account")).Ids("Account").ShouldBe([id]);
        (await client.SearchAsync(token, "Account")).Ids("Account").ShouldBeEmpty();

        (await client.PutJsonAsync($"/api/v1/accounts/{id}", new { is_active = false, version = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await client.SearchAsync(renamed);
        answer.Ids("Account").ShouldBeEmpty();
        answer["groups"]!.AsArray().Select(g => g!.Str("type")).Order().ShouldBe(["Account", "Case", "Contact", "Contract", "Lead", "Opportunity", "Order"]);
    }

    [Theory]
    [InlineData("q=a", "q")]
    [InlineData("q=%20%20x%20", "q")]
    [InlineData("limit=5", "q")]
    [InlineData("q=acme&types=Account,Widget", "types")]
    [InlineData("q=acme&limit=0", "limit")]
    [InlineData("q=acme&limit=51", "limit")]
    [InlineData("q=acme&limit=many", "limit")]
    public async Task Bad_input_is_a_400_naming_the_field(string query, string field)
    {
        var client = await UserClientAsync();
        var response = await client.GetAsync($"/api/v1/search?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).ErrorsFor(field).ShouldNotBeEmpty();

        var recent = await client.GetAsync("/api/v1/search/recent?limit=51");
        recent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await recent.ReadJsonAsync()).ErrorsFor("limit").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Without_credentials_search_is_refused_and_the_services_own_search_is_not_public()
    {
        var anonymous = fixture.CreateClient();
        (await anonymous.GetAsync("/api/v1/search?q=acme")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/search/recent")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.CreateClient().WithBearer("garbage").GetAsync("/api/v1/search?q=acme")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The gateway routes no /internal path to a service: outside /api it serves the web app's page.
        var client = await UserClientAsync();
        var internalPath = await client.GetAsync("/internal/v1/search?q=acme");
        internalPath.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/json");
        (await internalPath.Content.ReadAsStringAsync()).ShouldNotContain("\"groups\"");
        (await client.GetAsync("/api/v1/internal/v1/search?q=acme")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recent_records_answer_for_the_caller()
    {
        var client = await UserClientAsync();
        var answer = await client.GetAsync("/api/v1/search/recent?limit=5").OkAsync();
        answer["items"]!.AsArray().Count.ShouldBeLessThanOrEqualTo(5);
        answer["partial"]!.GetValue<bool>().ShouldBeFalse();
        answer["unavailable"]!.AsArray().ShouldBeEmpty();
    }
}
