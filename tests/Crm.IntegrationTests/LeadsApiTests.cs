using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class LeadsApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private static async Task<JsonNode> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<HttpClient> UserClientAsync() => fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);

    private static Task<JsonNode> LeadAsync(HttpClient client, string company, string status = "Qualified", string? email = null) =>
        PostAsync(client, "/api/v1/leads", new
        {
            first_name = "Priya",
            last_name = "Patel",
            company,
            title = "Head of Digital",
            email = email ?? $"priya.{Guid.NewGuid():N}@lead.example",
            phone = "+44 161 496 0000",
            website = "lead.example",
            address = "3 Canal St\nManchester",
            status,
            lead_source = "Partner Referral",
            industry = "Food & Beverage",
        });

    [Fact]
    public async Task Leads_need_a_last_name_a_company_and_an_open_status()
    {
        var client = await UserClientAsync();

        var problem = await (await client.PostJsonAsync("/api/v1/leads", new { first_name = "X" })).ReadJsonAsync();
        problem.ErrorsFor("last_name").ShouldBe(["Last Name is required."]);
        problem.ErrorsFor("company").ShouldBe(["Company is required."]);
        problem.ErrorsFor("status").ShouldBe(["Lead Status is required."]);
        (await (await client.PostJsonAsync("/api/v1/leads", new { last_name = "X", company = "Y", status = "Converted" })).ReadJsonAsync())
            .ErrorsFor("status").ShouldBe(["Use Convert to convert a lead."]);

        var lead = await LeadAsync(client, "Greenleaf Foods", "New");
        lead.Str("lead_source").ShouldBe("Partner Referral");
        lead.Str("industry").ShouldBe("Food & Beverage");
        lead["is_converted"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task The_list_shows_open_leads_filtered_by_status_owner_and_source()
    {
        var client = await UserClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await LeadAsync(client, $"Alpha {tag}", "New");
        await LeadAsync(client, $"Beta {tag}", "Contacted");
        var converted = await LeadAsync(client, $"Gamma {tag}", "Qualified");
        (await client.PostJsonAsync($"/api/v1/leads/{converted.Str("id")}/convert", new { opportunity_name = "Gamma deal" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var open = await (await client.GetAsync($"/api/v1/leads?q={tag}&sort=company")).ReadJsonAsync();
        open["items"]!.AsArray().Select(i => i!.Str("company")).ShouldBe([$"Alpha {tag}", $"Beta {tag}"]);
        var contacted = await (await client.GetAsync($"/api/v1/leads?q={tag}&status=Contacted&owner_id=me&lead_source=Partner%20Referral")).ReadJsonAsync();
        contacted["items"]!.AsArray().Select(i => i!.Str("company")).ShouldBe([$"Beta {tag}"]);
        var convertedOnly = await (await client.GetAsync($"/api/v1/leads?q={tag}&status=Converted")).ReadJsonAsync();
        convertedOnly["items"]!.AsArray().Select(i => i!.Str("company")).ShouldBe([$"Gamma {tag}"]);
        var bad = await (await client.GetAsync("/api/v1/leads?status=Hot&lead_source=Radio")).ReadJsonAsync();
        bad.ErrorsFor("status").ShouldNotBeEmpty();
        bad.ErrorsFor("lead_source").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Conversion_creates_account_contact_and_opportunity_and_freezes_the_lead()
    {
        var client = await UserClientAsync();
        var lead = await LeadAsync(client, "Riverside Bakery");
        var id = lead.Str("id");

        var response = await client.PostJsonAsync($"/api/v1/leads/{id}/convert", new { opportunity_name = "Riverside - new website" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.ReadJsonAsync();
        result["account_created"]!.GetValue<bool>().ShouldBeTrue();
        var account = await (await client.GetAsync($"/api/v1/accounts/{result["account"]!.Str("id")}")).ReadJsonAsync();
        account.Str("name").ShouldBe("Riverside Bakery");
        account.Str("billing_address").ShouldBe("3 Canal St\nManchester");
        account["contacts"]!.AsArray().ShouldHaveSingleItem()!.Str("name").ShouldBe("Priya Patel");
        account["opportunities"]!.AsArray().ShouldHaveSingleItem()!.Str("name").ShouldBe("Riverside - new website");
        var contact = await (await client.GetAsync($"/api/v1/contacts/{result["contact"]!.Str("id")}")).ReadJsonAsync();
        contact.Str("email").ShouldBe(lead.Str("email"));
        contact.Str("title").ShouldBe("Head of Digital");
        var opportunity = await (await client.GetAsync($"/api/v1/opportunities/{result["opportunity"]!.Str("id")}")).ReadJsonAsync();
        opportunity.Str("stage").ShouldBe("Qualifying");
        opportunity.Str("lead_source").ShouldBe("Partner Referral");

        var converted = await (await client.GetAsync($"/api/v1/leads/{id}")).ReadJsonAsync();
        converted.Str("status").ShouldBe("Converted");
        converted["is_converted"]!.GetValue<bool>().ShouldBeTrue();
        converted.Str("converted_opportunity_id").ShouldBe(result["opportunity"]!.Str("id"));

        var twice = await client.PostJsonAsync($"/api/v1/leads/{id}/convert", new { opportunity_name = "Again" });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var edit = await client.PutJsonAsync($"/api/v1/leads/{id}", new { company = "Changed", version = converted.Int("version") });
        edit.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var types = await OutboxTypesAsync(result);
        types.ShouldBe(["AccountCreated", "ContactCreated", "OpportunityCreated", "LeadConverted"]);
    }

    [Fact]
    public async Task Conversion_can_attach_to_an_existing_account()
    {
        var client = await UserClientAsync();
        var existing = await PostAsync(client, "/api/v1/accounts", new { name = "Existing Client plc" });
        var lead = await LeadAsync(client, "Existing Client");

        var result = await (await client.PostJsonAsync($"/api/v1/leads/{lead.Str("id")}/convert", new { opportunity_name = "Upsell", account_id = existing.Str("id") })).ReadJsonAsync();

        result["account"]!.Str("id").ShouldBe(existing.Str("id"));
        result["account_created"]!.GetValue<bool>().ShouldBeFalse();
        var account = await (await client.GetAsync($"/api/v1/accounts/{existing.Str("id")}")).ReadJsonAsync();
        account["contacts"]!.AsArray().Count.ShouldBe(1);
        account["opportunities"]!.AsArray().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("contact")]
    [InlineData("opportunity")]
    [InlineData("lead")]
    public async Task A_failure_at_any_step_of_the_conversion_leaves_nothing_behind(string step)
    {
        var client = await UserClientAsync();
        var company = $"Atomic {Guid.NewGuid():N}"[..20];
        var lead = await LeadAsync(client, company);
        var counts = await CountsAsync(company, lead.Str("email"));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead.Str("id")}/convert")
        {
            Content = JsonContent("{\"opportunity_name\":\"Should not exist\"}"),
        };
        request.Headers.Add("X-Test-Fail-At", step);
        var failed = await client.SendAsync(request);

        failed.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await CountsAsync(company, lead.Str("email"))).ShouldBe(counts);
        var after = await (await client.GetAsync($"/api/v1/leads/{lead.Str("id")}")).ReadJsonAsync();
        after.Str("status").ShouldBe("Qualified");
        after.Int("version").ShouldBe(lead.Int("version"));

        // Nothing half-done blocks a real conversion afterwards.
        (await client.PostJsonAsync($"/api/v1/leads/{lead.Str("id")}/convert", new { opportunity_name = "Now it exists" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_simultaneous_conversions_make_one_set_of_records()
    {
        var client = await UserClientAsync();
        var company = $"Racing {Guid.NewGuid():N}"[..20];
        var lead = await LeadAsync(client, company);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostJsonAsync($"/api/v1/leads/{lead.Str("id")}/convert", new { opportunity_name = "Once" })));

        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        (await CountsAsync(company, lead.Str("email"))).ShouldBe((1, 1, 1));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<(long Accounts, long Contacts, long Opportunities)> CountsAsync(string company, string email)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString("salesdb"));
        await db.OpenAsync();
        async Task<long> Count(string sql, string value)
        {
            await using var command = new NpgsqlCommand(sql, db);
            command.Parameters.AddWithValue("v", value);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        return (
            await Count("SELECT count(*) FROM accounts WHERE name = @v", company),
            await Count("SELECT count(*) FROM contacts WHERE email = @v", email),
            await Count("SELECT count(*) FROM opportunities o JOIN accounts a ON a.id = o.account_id WHERE a.name = @v", company));
    }

    private async Task<List<string>> OutboxTypesAsync(JsonNode result)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString("salesdb"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT message_type FROM outbox_messages
            WHERE payload->'account'->>'accountId' = @a OR payload->'contact'->>'contactId' = @c
               OR payload->'opportunity'->>'opportunityId' = @o OR payload->>'opportunityId' = @o
            ORDER BY id
            """, db);
        command.Parameters.AddWithValue("a", result["account"]!.Str("id"));
        command.Parameters.AddWithValue("c", result["contact"]!.Str("id"));
        command.Parameters.AddWithValue("o", result["opportunity"]!.Str("id"));
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0).Split('.')[^1]);
        }

        return types;
    }
}
