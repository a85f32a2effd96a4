using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class ContactsApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private async Task<HttpClient> UserClientAsync() => fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);

    private static async Task<JsonNode> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_contact_is_created_under_an_account_and_shows_on_the_account()
    {
        var client = await UserClientAsync();
        var account = await PostAsync(client, "/api/v1/accounts", new { name = "Tailspin Studio" });

        var contact = await PostAsync(client, "/api/v1/contacts", new
        {
            first_name = "Maria",
            last_name = "Garcia",
            title = "Marketing Director",
            email = $"maria.{Guid.NewGuid():N}@tailspin.example",
            phone = "+34 91 123 4567",
            account_id = account.Str("id"),
        });

        contact.Str("name").ShouldBe("Maria Garcia");
        contact["account"]!.Str("name").ShouldBe("Tailspin Studio");
        contact.Int("version").ShouldBe(1);
        var detail = await (await client.GetAsync($"/api/v1/accounts/{account.Str("id")}")).ReadJsonAsync();
        var row = detail["contacts"]!.AsArray().ShouldHaveSingleItem()!;
        row.Str("name").ShouldBe("Maria Garcia");
        row.Str("title").ShouldBe("Marketing Director");
    }

    [Fact]
    public async Task Last_name_and_a_real_active_account_are_required()
    {
        var client = await UserClientAsync();

        var missing = await client.PostJsonAsync("/api/v1/contacts", new { first_name = "No", email = "broken" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await missing.ReadJsonAsync();
        problem.ErrorsFor("last_name").ShouldBe(["Last Name is required."]);
        problem.ErrorsFor("account_id").ShouldBe(["Account is required."]);
        problem.ErrorsFor("email").ShouldBe(["Enter a valid email address."]);

        var unknown = await client.PostJsonAsync("/api/v1/contacts", new { last_name = "Ghost", account_id = Guid.NewGuid() });
        (await unknown.ReadJsonAsync()).ErrorsFor("account_id").ShouldBe(["Account not found."]);
    }

    [Fact]
    public async Task The_list_searches_contact_or_account_name_and_carries_the_account_name()
    {
        var client = await UserClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var acme = await PostAsync(client, "/api/v1/accounts", new { name = $"Acme {tag}" });
        var other = await PostAsync(client, "/api/v1/accounts", new { name = $"Other {tag}" });
        await PostAsync(client, "/api/v1/contacts", new { first_name = "Zoe", last_name = $"Adams{tag}", account_id = acme.Str("id") });
        await PostAsync(client, "/api/v1/contacts", new { first_name = "Yan", last_name = "Brown", account_id = acme.Str("id") });
        var xia = await PostAsync(client, "/api/v1/contacts", new { first_name = "Xia", last_name = "Chen", account_id = other.Str("id") });

        var byAccount = await (await client.GetAsync($"/api/v1/contacts?q=Acme%20{tag}&sort=name")).ReadJsonAsync();
        byAccount["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Zoe Adams{tag}", "Yan Brown"]);
        byAccount["items"]![0]!.Str("account_name").ShouldBe($"Acme {tag}");

        var byName = await (await client.GetAsync($"/api/v1/contacts?q=Adams{tag}")).ReadJsonAsync();
        byName["items"]!.AsArray().Select(i => i!.Str("last_name")).ShouldBe([$"Adams{tag}"]);

        var underOther = await (await client.GetAsync($"/api/v1/contacts?account_id={other.Str("id")}")).ReadJsonAsync();
        underOther["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe(["Xia Chen"]);

        // The search follows a renamed account, a contact moved to another account and a renamed contact, ignoring case.
        (await client.PutJsonAsync($"/api/v1/accounts/{acme.Str("id")}", new { name = $"Renamed {tag}", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutJsonAsync($"/api/v1/contacts/{xia.Str("id")}", new { account_id = acme.Str("id"), first_name = "Xiu", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        async Task<string[]> Names(string q) =>
            [.. (await (await client.GetAsync($"/api/v1/contacts?q={Uri.EscapeDataString(q)}&sort=name")).ReadJsonAsync())["items"]!.AsArray().Select(i => i!.Str("name"))];
        (await Names($"renamed {tag.ToUpperInvariant()}")).ShouldBe([$"Zoe Adams{tag}", "Yan Brown", "Xiu Chen"]);
        (await Names($"Acme {tag}")).ShouldBeEmpty();
        (await Names($"Other {tag}")).ShouldBeEmpty();
        (await Names($"zoe adams{tag}")).ShouldBe([$"Zoe Adams{tag}"]);
    }

    [Fact]
    public async Task Reports_to_must_be_a_colleague_and_cannot_loop()
    {
        var client = await UserClientAsync();
        var account = await PostAsync(client, "/api/v1/accounts", new { name = "Hierarchy Inc" });
        var elsewhere = await PostAsync(client, "/api/v1/accounts", new { name = "Elsewhere Inc" });
        var boss = await PostAsync(client, "/api/v1/contacts", new { last_name = "Boss", account_id = account.Str("id") });
        var stranger = await PostAsync(client, "/api/v1/contacts", new { last_name = "Stranger", account_id = elsewhere.Str("id") });
        var report = await PostAsync(client, "/api/v1/contacts", new { last_name = "Report", account_id = account.Str("id"), reports_to_id = boss.Str("id") });
        report["reports_to"]!.Str("name").ShouldBe("Boss");

        var wrongAccount = await client.PostJsonAsync("/api/v1/contacts", new { last_name = "X", account_id = account.Str("id"), reports_to_id = stranger.Str("id") });
        (await wrongAccount.ReadJsonAsync()).ErrorsFor("reports_to_id").ShouldBe(["Reports To must be an active contact of the same account."]);

        var loop = await client.PutJsonAsync($"/api/v1/contacts/{boss.Str("id")}", new { reports_to_id = report.Str("id"), version = 1 });
        (await loop.ReadJsonAsync()).ErrorsFor("reports_to_id").ShouldBe(["Reports To can't be someone who reports to this contact."]);
    }

    [Fact]
    public async Task Emails_are_unique_among_active_contacts()
    {
        var client = await UserClientAsync();
        var account = await PostAsync(client, "/api/v1/accounts", new { name = "Unique Mail Ltd" });
        var email = $"dup.{Guid.NewGuid():N}@example.com";
        var first = await PostAsync(client, "/api/v1/contacts", new { last_name = "First", email, account_id = account.Str("id") });

        var duplicate = await client.PostJsonAsync("/api/v1/contacts", new { last_name = "Second", email = email.ToUpperInvariant(), account_id = account.Str("id") });
        (await duplicate.ReadJsonAsync()).ErrorsFor("email").ShouldBe(["Another active contact already has this email."]);

        (await client.PutJsonAsync($"/api/v1/contacts/{first.Str("id")}", new { is_active = false, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PostAsync(client, "/api/v1/contacts", new { last_name = "Second", email, account_id = account.Str("id") });
    }

    [Fact]
    public async Task Updates_are_versioned_and_deactivation_hides_the_contact()
    {
        var client = await UserClientAsync();
        var account = await PostAsync(client, "/api/v1/accounts", new { name = "Versioned Contacts" });
        var contact = await PostAsync(client, "/api/v1/contacts", new { last_name = "Lee", title = "CTO", account_id = account.Str("id") });
        var id = contact.Str("id");

        var updated = await (await client.PutJsonAsync($"/api/v1/contacts/{id}", new { title = "CEO", version = 1 })).ReadJsonAsync();
        updated.Str("title").ShouldBe("CEO");
        updated.Int("version").ShouldBe(2);

        var stale = await client.PutJsonAsync($"/api/v1/contacts/{id}", new { title = "COO", version = 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadJsonAsync())["current"]!.Str("title").ShouldBe("CEO");

        (await client.PutJsonAsync($"/api/v1/contacts/{id}", new { is_active = false, version = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetAsync($"/api/v1/contacts?account_id={account.Str("id")}")).ReadJsonAsync()).Int("total").ShouldBe(0);
        (await (await client.GetAsync($"/api/v1/accounts/{account.Str("id")}")).ReadJsonAsync())["contacts"]!.AsArray().ShouldBeEmpty();
        (await client.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var db = new NpgsqlConnection(fixture.GetConnectionString("salesdb"));
        await db.OpenAsync();
        await using var events = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE payload->'contact'->>'contactId' = @id", db);
        events.Parameters.AddWithValue("id", id);
        ((long)(await events.ExecuteScalarAsync())!).ShouldBe(3);
    }
}
