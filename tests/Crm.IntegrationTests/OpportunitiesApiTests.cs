using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class OpportunitiesApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private static async Task<JsonNode> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<(HttpClient Client, JsonNode Account, JsonNode Opportunity)> DealAsync(string stage = "Qualifying")
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var account = await PostAsync(client, "/api/v1/accounts", new { name = $"Deal Co {Guid.NewGuid():N}"[..20] });
        var opportunity = await PostAsync(client, "/api/v1/opportunities", new { name = "Website rebuild", stage, account_id = account.Str("id"), close_date = "2026-12-31" });
        return (client, account, opportunity);
    }

    private async Task<JsonNode> ProductAsync(decimal price, bool retainer = false, bool active = true)
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var product = await PostAsync(admin, "/api/v1/products", new { name = $"Product {Guid.NewGuid():N}"[..16], standard_list_price = price, is_retainer_product = retainer });
        if (!active)
        {
            (await admin.PutJsonAsync($"/api/v1/products/{product.Str("id")}", new { is_active = false, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return product;
    }

    [Fact]
    public async Task Required_fields_are_named_and_the_stage_sets_the_probability()
    {
        var (client, account, opportunity) = await DealAsync("Proposal");
        opportunity.Int("probability").ShouldBe(50);
        opportunity.Str("calculated_amount").ShouldBe("0.00");
        opportunity.Str("close_date").ShouldBe("2026-12-31");
        opportunity["account"]!.Str("name").ShouldBe(account.Str("name"));

        var missing = await client.PostJsonAsync("/api/v1/opportunities", new { close_date = "2026-01-01" });
        var problem = await missing.ReadJsonAsync();
        problem.ErrorsFor("name").ShouldBe(["Opportunity Name is required."]);
        problem.ErrorsFor("stage").ShouldBe(["Stage is required."]);
        problem.ErrorsFor("account_id").ShouldBe(["Account is required."]);
        (await (await client.PostJsonAsync("/api/v1/opportunities", new { name = "X", stage = "Won", account_id = account.Str("id") })).ReadJsonAsync())
            .ErrorsFor("stage").ShouldNotBeEmpty();

        var version = 1;
        foreach (var (stage, probability) in new[] { ("Negotiation", 75), ("Qualifying", 10), ("Closed Lost", 0), ("Proposal", 50) })
        {
            var moved = await (await client.PutJsonAsync($"/api/v1/opportunities/{opportunity.Str("id")}", new { stage, version })).ReadJsonAsync();
            moved.Str("stage").ShouldBe(stage);
            moved.Int("probability").ShouldBe(probability);
            version = moved.Int("version");
        }
    }

    [Fact]
    public async Task The_amount_is_the_sum_of_the_lines_and_follows_every_line_change()
    {
        var (client, _, opportunity) = await DealAsync();
        var id = opportunity.Str("id");
        var build = await ProductAsync(4500m);
        var hosting = await ProductAsync(30m, retainer: true);

        var withBuild = await PostAsync(client, $"/api/v1/opportunities/{id}/line_items", new { product_id = build.Str("id"), quantity = 1, sale_price = "4000.00" });
        withBuild.Str("calculated_amount").ShouldBe("4000.00");
        var withHosting = await PostAsync(client, $"/api/v1/opportunities/{id}/line_items", new { product_id = hosting.Str("id"), quantity = 12 });
        withHosting.Str("calculated_amount").ShouldBe("4360.00");
        var hostingLine = withHosting["line_items"]!.AsArray().Single(l => l!.Str("product_id") == hosting.Str("id"))!;
        hostingLine.Str("sale_price").ShouldBe("30.00");
        hostingLine.Str("list_price").ShouldBe("30.00");
        hostingLine.Str("total_price").ShouldBe("360.00");
        hostingLine["is_retainer_product"]!.GetValue<bool>().ShouldBeTrue();
        hostingLine.Str("product_name").ShouldBe(hosting.Str("name"));

        var edited = await (await client.PutJsonAsync($"/api/v1/opportunities/{id}/line_items/{hostingLine.Str("id")}", new { quantity = 6, sale_price = 25 })).ReadJsonAsync();
        edited.Str("calculated_amount").ShouldBe("4150.00");

        var buildLine = edited["line_items"]!.AsArray().Single(l => l!.Str("product_id") == build.Str("id"))!;
        var removed = await (await client.DeleteAsync($"/api/v1/opportunities/{id}/line_items/{buildLine.Str("id")}")).ReadJsonAsync();
        removed.Str("calculated_amount").ShouldBe("150.00");
        removed["line_items"]!.AsArray().Count.ShouldBe(1);
        removed.Int("version").ShouldBe(5); // created, two lines added, one edited, one removed

        var listed = await (await client.GetAsync($"/api/v1/opportunities?account_id={opportunity.Str("account_id")}")).ReadJsonAsync();
        listed["items"]![0]!.Str("calculated_amount").ShouldBe("150.00");
        listed.Str("total_amount").ShouldBe("150.00");

        await using var db = new NpgsqlConnection(fixture.GetConnectionString("salesdb"));
        await db.OpenAsync();
        await using var columns = new NpgsqlCommand("SELECT count(*) FROM information_schema.columns WHERE table_name = 'opportunities' AND column_name LIKE '%amount%'", db);
        ((long)(await columns.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task Lines_refuse_inactive_products_and_bad_quantities()
    {
        var (client, _, opportunity) = await DealAsync();
        var id = opportunity.Str("id");
        var retired = await ProductAsync(100m, active: false);

        var inactive = await client.PostJsonAsync($"/api/v1/opportunities/{id}/line_items", new { product_id = retired.Str("id"), quantity = 1 });
        inactive.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inactive.ReadJsonAsync()).ErrorsFor("product_id").ShouldBe([$"{retired.Str("name")} is inactive and can't be added."]);

        var product = await ProductAsync(100m);
        var bad = await client.PostJsonAsync($"/api/v1/opportunities/{id}/line_items", new { product_id = product.Str("id"), quantity = 0, sale_price = -5 });
        var problem = await bad.ReadJsonAsync();
        problem.ErrorsFor("quantity").ShouldBe(["Quantity must be between 1 and 100,000."]);
        problem.ErrorsFor("sale_price").ShouldBe(["Sales Price can't be negative."]);
        (await client.PostJsonAsync($"/api/v1/opportunities/{id}/line_items", new { product_id = Guid.NewGuid(), quantity = 1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.DeleteAsync($"/api/v1/opportunities/{id}/line_items/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Contact_roles_take_contacts_of_the_same_account_once()
    {
        var (client, account, opportunity) = await DealAsync();
        var id = opportunity.Str("id");
        var contact = await PostAsync(client, "/api/v1/contacts", new { first_name = "Dana", last_name = "Scully", title = "CMO", account_id = account.Str("id") });
        var otherAccount = await PostAsync(client, "/api/v1/accounts", new { name = "Elsewhere Ltd" });
        var outsider = await PostAsync(client, "/api/v1/contacts", new { last_name = "Mulder", account_id = otherAccount.Str("id") });

        var added = await PostAsync(client, $"/api/v1/opportunities/{id}/contact_roles", new { contact_id = contact.Str("id"), role = "Decision Maker" });
        var role = added["contact_roles"]!.AsArray().ShouldHaveSingleItem()!;
        role.Str("role").ShouldBe("Decision Maker");
        role.Str("contact_name").ShouldBe("Dana Scully");
        var onContact = (await (await client.GetAsync($"/api/v1/contacts/{contact.Str("id")}")).ReadJsonAsync())["opportunities"]!.AsArray().ShouldHaveSingleItem()!;
        onContact.Str("name").ShouldBe("Website rebuild");
        onContact.Str("role").ShouldBe("Decision Maker");

        var again = await client.PostJsonAsync($"/api/v1/opportunities/{id}/contact_roles", new { contact_id = contact.Str("id"), role = "Influencer" });
        (await again.ReadJsonAsync()).ErrorsFor("contact_id").ShouldBe(["Dana Scully already has a role on this opportunity."]);
        var foreign = await client.PostJsonAsync($"/api/v1/opportunities/{id}/contact_roles", new { contact_id = outsider.Str("id"), role = "Influencer" });
        (await foreign.ReadJsonAsync()).ErrorsFor("contact_id").ShouldBe(["Choose an active contact of the opportunity's account."]);
        var badRole = await client.PostJsonAsync($"/api/v1/opportunities/{id}/contact_roles", new { contact_id = contact.Str("id"), role = "Boss" });
        badRole.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var removed = await (await client.DeleteAsync($"/api/v1/opportunities/{id}/contact_roles/{role.Str("id")}")).ReadJsonAsync();
        removed["contact_roles"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Closing_won_publishes_a_snapshot_of_the_lines_and_locks_them_until_reopened()
    {
        var (client, account, opportunity) = await DealAsync("Negotiation");
        var id = opportunity.Str("id");

        var empty = await client.PutJsonAsync($"/api/v1/opportunities/{id}", new { stage = "Closed Won", version = 1 });
        (await empty.ReadJsonAsync()).ErrorsFor("stage").ShouldBe(["Add at least one product before closing the opportunity as won."]);

        var retainer = await ProductAsync(500m, retainer: true);
        var build = await ProductAsync(3000m);
        await PostAsync(client, $"/api/v1/opportunities/{id}/line_items", new { product_id = retainer.Str("id"), quantity = 12, sale_price = 450 });
        var current = await PostAsync(client, $"/api/v1/opportunities/{id}/line_items", new { product_id = build.Str("id"), quantity = 1 });

        var won = await (await client.PutJsonAsync($"/api/v1/opportunities/{id}", new { stage = "Closed Won", version = current.Int("version") })).ReadJsonAsync();
        won.Str("stage").ShouldBe("Closed Won");
        won.Int("probability").ShouldBe(100);
        won["is_won"]!.GetValue<bool>().ShouldBeTrue();

        var locked = await client.PostJsonAsync($"/api/v1/opportunities/{id}/line_items", new { product_id = build.Str("id"), quantity = 1 });
        locked.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var events = await OutboxAsync(id);
        var closedWon = events.Single(e => e.Type.EndsWith("OpportunityClosedWon", StringComparison.Ordinal)).Payload;
        closedWon["accountName"]!.GetValue<string>().ShouldBe(account.Str("name"));
        closedWon["opportunity"]!["amount"]!.GetValue<decimal>().ShouldBe(8400m);
        var lines = closedWon["lineItems"]!.AsArray();
        lines.Count.ShouldBe(2);
        var retainerLine = lines.Single(l => l!["productId"]!.GetValue<string>() == retainer.Str("id"))!;
        retainerLine["quantity"]!.GetValue<int>().ShouldBe(12);
        retainerLine["salePrice"]!.GetValue<decimal>().ShouldBe(450m);
        retainerLine["isRetainerProduct"]!.GetValue<bool>().ShouldBeTrue();
        retainerLine["productName"]!.GetValue<string>().ShouldBe(retainer.Str("name"));

        var reopened = await (await client.PutJsonAsync($"/api/v1/opportunities/{id}", new { stage = "Negotiation", version = won.Int("version") })).ReadJsonAsync();
        reopened.Int("probability").ShouldBe(75);
        (await OutboxAsync(id)).Count(e => e.Type.EndsWith("OpportunityReopened", StringComparison.Ordinal)).ShouldBe(1);
        (await client.PostJsonAsync($"/api/v1/opportunities/{id}/line_items", new { product_id = build.Str("id"), quantity = 1 })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Stale_versions_conflict_and_the_list_filters_by_stage_and_owner()
    {
        var (client, account, opportunity) = await DealAsync();
        var id = opportunity.Str("id");
        (await client.PutJsonAsync($"/api/v1/opportunities/{id}", new { stage = "Proposal", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await client.PutJsonAsync($"/api/v1/opportunities/{id}", new { stage = "Negotiation", version = 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadJsonAsync())["current"]!.Str("stage").ShouldBe("Proposal");

        await PostAsync(client, "/api/v1/opportunities", new { name = "Second deal", stage = "Qualifying", account_id = account.Str("id") });
        var proposals = await (await client.GetAsync($"/api/v1/opportunities?stage=Proposal&owner_id=me&account_id={account.Str("id")}")).ReadJsonAsync();
        proposals["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe(["Website rebuild"]);
        proposals["items"]![0]!.Str("account_name").ShouldBe(account.Str("name"));
        (await client.GetAsync("/api/v1/opportunities?stage=Won")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var detail = await (await client.GetAsync($"/api/v1/accounts/{account.Str("id")}")).ReadJsonAsync();
        detail["opportunities"]!.AsArray().Count.ShouldBe(2);
        (await client.GetAsync($"/api/v1/opportunities/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<List<(string Type, JsonNode Payload)>> OutboxAsync(string opportunityId)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString("salesdb"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT message_type, payload::text FROM outbox_messages WHERE payload->'opportunity'->>'opportunityId' = @id ORDER BY id", db);
        command.Parameters.AddWithValue("id", opportunityId);
        var rows = new List<(string, JsonNode)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), JsonNode.Parse(reader.GetString(1))!));
        }

        return rows;
    }
}
