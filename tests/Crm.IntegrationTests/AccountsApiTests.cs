using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class AccountsApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private async Task<HttpClient> UserClientAsync() => fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);

    private static async Task<JsonNode> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/accounts", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Creating_an_account_sets_the_caller_as_owner_and_answers_the_whole_record()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);

        var response = await client.PostJsonAsync("/api/v1/accounts", new
        {
            name = "  Northwind Digital  ",
            phone = "+44 20 7946 0018",
            website = "northwind.example.com",
            type = "Customer",
            description = "Retainer client since 2021",
            billing_address = "1 Market St\nLondon",
            shipping_address = "2 Dock Rd\nLondon",
            owner_id = Guid.NewGuid(), // ignored: the owner is whoever creates it
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = await response.ReadJsonAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/accounts/{account.Str("id")}");
        account.Str("name").ShouldBe("Northwind Digital");
        account.Str("type").ShouldBe("Customer");
        account.Str("billing_address").ShouldBe("1 Market St\nLondon");
        account.Str("owner_id").ShouldBe(user.Id.ToString());
        account.Str("owner_name").ShouldStartWith("Test User");
        account["is_active"]!.GetValue<bool>().ShouldBeTrue();
        account.Int("version").ShouldBe(1);
        account.Str("created_by").ShouldBe(user.Id.ToString());
        account["contacts"]!.AsArray().ShouldBeEmpty();
        account["opportunities"]!.AsArray().ShouldBeEmpty();

        var read = await (await client.GetAsync($"/api/v1/accounts/{account.Str("id")}")).ReadJsonAsync();
        JsonNode.DeepEquals(read, account).ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_input_is_named_per_field_and_nothing_is_written()
    {
        var client = await UserClientAsync();
        var marker = Guid.NewGuid().ToString("N");

        var response = await client.PostJsonAsync("/api/v1/accounts", new
        {
            name = " ",
            website = "not a website",
            phone = "call me",
            description = marker + new string('x', 32001),
            parent_account_id = Guid.NewGuid(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem.ErrorsFor("name").ShouldBe(["Account Name is required."]);
        problem.ErrorsFor("website").ShouldBe(["Enter a website such as https://example.com."]);
        problem.ErrorsFor("phone").ShouldBe(["Enter a phone number."]);
        problem.ErrorsFor("description").ShouldBe(["Description must be at most 32000 characters."]);
        problem.ErrorsFor("parent_account_id").ShouldBe(["Parent Account not found."]);

        var wrongType = await client.PostJsonAsync("/api/v1/accounts", new { name = "X", type = "Competitor" });
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongType.ReadJsonAsync()).ErrorsFor("type").ShouldNotBeEmpty();

        await using var db = new NpgsqlConnection(fixture.GetConnectionString("salesdb"));
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM accounts WHERE description LIKE @m", db);
        count.Parameters.AddWithValue("m", marker + "%");
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task Search_matches_name_phone_or_website_and_the_list_sorts_and_pages()
    {
        var client = await UserClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        await CreateAsync(client, new { name = $"Beta {tag}", phone = "+1 555 0102", website = "beta.example.org" });
        await CreateAsync(client, new { name = $"alpha {tag}", phone = "+1 555 0101", website = "alpha.example.org" });
        await CreateAsync(client, new { name = $"Gamma {tag}", phone = "+1 555 0103", website = $"{tag}.example.net" });
        await CreateAsync(client, new { name = "Unrelated Ltd", phone = "+1 555 9999" });

        var byName = await (await client.GetAsync($"/api/v1/accounts?q={tag}&sort=name")).ReadJsonAsync();
        byName.Int("total").ShouldBe(3);
        byName["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"alpha {tag}", $"Beta {tag}", $"Gamma {tag}"]);

        var byPhoneDesc = await (await client.GetAsync($"/api/v1/accounts?q={tag}&sort=-phone&page_size=2")).ReadJsonAsync();
        byPhoneDesc["items"]!.AsArray().Select(i => i!.Str("phone")).ShouldBe(["+1 555 0103", "+1 555 0102"]);
        var secondPage = await (await client.GetAsync($"/api/v1/accounts?q={tag}&sort=-phone&page_size=2&page=2")).ReadJsonAsync();
        secondPage["items"]!.AsArray().Select(i => i!.Str("phone")).ShouldBe(["+1 555 0101"]);
        secondPage.Int("page").ShouldBe(2);

        var byWebsite = await (await client.GetAsync($"/api/v1/accounts?q={tag}.example")).ReadJsonAsync();
        byWebsite["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Gamma {tag}"]);

        var byPhone = await (await client.GetAsync("/api/v1/accounts?q=555%200102")).ReadJsonAsync();
        byPhone["items"]!.AsArray().Select(i => i!.Str("name")).ShouldContain($"Beta {tag}");

        var wildcard = await (await client.GetAsync($"/api/v1/accounts?q={tag}%25")).ReadJsonAsync();
        wildcard.Int("total").ShouldBe(0);
        await CreateAsync(client, new { name = $"100% Digital {tag}" });
        var literal = await (await client.GetAsync($"/api/v1/accounts?q=100%25%20Digital%20{tag}")).ReadJsonAsync();
        literal["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"100% Digital {tag}"]);
    }

    [Fact]
    public async Task The_list_filters_by_owner_and_type_and_sorts_by_owner()
    {
        var mine = await TestUsers.CreateAsync(fixture);
        var theirs = await TestUsers.CreateAsync(fixture);
        var me = fixture.CreateClient().WithBearer(mine.Token);
        var them = fixture.CreateClient().WithBearer(theirs.Token);
        var tag = Guid.NewGuid().ToString("N")[..10];
        await CreateAsync(me, new { name = $"Mine {tag}", type = "Partner" });
        await CreateAsync(them, new { name = $"Theirs {tag}", type = "Prospect" });

        var onlyMine = await (await me.GetAsync($"/api/v1/accounts?q={tag}&owner_id=me")).ReadJsonAsync();
        onlyMine["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Mine {tag}"]);
        onlyMine["items"]![0]!.Str("owner_name").ShouldNotBeNullOrWhiteSpace();

        var byId = await (await me.GetAsync($"/api/v1/accounts?q={tag}&owner_id={theirs.Id}")).ReadJsonAsync();
        byId["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Theirs {tag}"]);

        var prospects = await (await me.GetAsync($"/api/v1/accounts?q={tag}&type=Prospect")).ReadJsonAsync();
        prospects["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Theirs {tag}"]);

        var byOwner = await (await me.GetAsync($"/api/v1/accounts?q={tag}&sort=owner")).ReadJsonAsync();
        var owners = byOwner["items"]!.AsArray().Select(i => i!.Str("owner_name")).ToList();
        owners.ShouldBe(owners.Order(StringComparer.Ordinal).ToList());

        var bad = await me.GetAsync("/api/v1/accounts?sort=password&owner_id=someone&type=Friend");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.ReadJsonAsync();
        problem.ErrorsFor("sort").ShouldNotBeEmpty();
        problem.ErrorsFor("owner_id").ShouldNotBeEmpty();
        problem.ErrorsFor("type").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_list_shows_and_sorts_by_the_owners_current_name_and_searches_ignoring_case()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var owner = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(owner.Token);
        var tag = Guid.NewGuid().ToString("N")[..10];
        await CreateAsync(client, new { name = $"Renamed Owner {tag}" });
        await CreateAsync(await UserClientAsync(), new { name = $"Other Owner {tag}" });

        var version = (await TestUsers.GetUserAsync(fixture, owner.Id)).Int("version");
        var renamed = await admin.PutJsonAsync($"/api/v1/admin/users/{owner.Id}", new { first_name = $"Aaa{tag}", last_name = "Renamed", version });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());

        // Upper case finds the lower-case tag: the search ignores case as ILIKE did.
        var byOwner = await Eventually.WaitForAsync(
            async () => await (await client.GetAsync($"/api/v1/accounts?q={tag.ToUpperInvariant()}&sort=owner")).ReadJsonAsync(),
            list => list["items"]!.AsArray().Any(i => i!.Str("owner_name") == $"Aaa{tag} Renamed"),
            TimeSpan.FromSeconds(30),
            "the owner's new name in the account list");
        byOwner.Int("total").ShouldBe(2);
        byOwner["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Renamed Owner {tag}", $"Other Owner {tag}"]);
        var descending = await (await client.GetAsync($"/api/v1/accounts?q={tag}&sort=-owner")).ReadJsonAsync();
        descending["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Other Owner {tag}", $"Renamed Owner {tag}"]);

        // The last row and past the end: the total stays exact.
        var last = await (await client.GetAsync($"/api/v1/accounts?q={tag}&sort=owner&page=2&page_size=1")).ReadJsonAsync();
        last["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Other Owner {tag}"]);
        last.Int("total").ShouldBe(2);
        var past = await (await client.GetAsync($"/api/v1/accounts?q={tag}&page=3&page_size=1")).ReadJsonAsync();
        past["items"]!.AsArray().ShouldBeEmpty();
        past.Int("total").ShouldBe(2);
    }

    [Fact]
    public async Task A_brand_new_user_can_create_many_accounts_at_once()
    {
        var client = await UserClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostJsonAsync("/api/v1/accounts", new { name = $"Parallel {i}" })));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_unknown_account_is_404()
    {
        var client = await UserClientAsync();

        (await client.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutJsonAsync($"/api/v1/accounts/{Guid.NewGuid()}", new { name = "X", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_sent_and_null_clears_one()
    {
        var client = await UserClientAsync();
        var account = await CreateAsync(client, new { name = "Contoso Web", phone = "+1 555 0100", website = "contoso.example.com", description = "Keep me" });
        var id = account.Str("id");

        var response = await client.PutJsonAsync($"/api/v1/accounts/{id}", new { phone = (string?)null, type = "Partner", version = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await response.ReadJsonAsync();
        updated["phone"].ShouldBeNull();
        updated.Str("type").ShouldBe("Partner");
        updated.Str("description").ShouldBe("Keep me");
        updated.Str("website").ShouldBe("contoso.example.com");
        updated.Int("version").ShouldBe(2);

        var noVersion = await client.PutJsonAsync($"/api/v1/accounts/{id}", new { description = "x" });
        noVersion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noVersion.ReadJsonAsync()).ErrorsFor("version").ShouldBe(["Version is required."]);

        var clearName = await client.PutJsonAsync($"/api/v1/accounts/{id}", new { name = (string?)null, version = 2 });
        clearName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await clearName.ReadJsonAsync()).ErrorsFor("name").ShouldBe(["Account Name is required."]);
    }

    [Fact]
    public async Task A_stale_version_answers_409_with_the_current_record_and_changes_nothing()
    {
        var client = await UserClientAsync();
        var other = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var id = (await CreateAsync(client, new { name = "Fabrikam", phone = "+1 555 0199" })).Str("id");
        (await other.PutJsonAsync($"/api/v1/accounts/{id}", new { phone = "+1 555 0200", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await client.PutJsonAsync($"/api/v1/accounts/{id}", new { phone = "+1 555 0300", version = 1 });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.ReadJsonAsync();
        problem["current"]!.Str("phone").ShouldBe("+1 555 0200");
        problem["current"]!.Int("version").ShouldBe(2);
        problem["current"]!.Str("updated_by_name").ShouldBe("System Administrator");
        (await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync()).Str("phone").ShouldBe("+1 555 0200");
    }

    [Fact]
    public async Task Concurrent_updates_from_the_same_version_let_exactly_one_win()
    {
        var client = await UserClientAsync();
        var id = (await CreateAsync(client, new { name = "Race Condition Ltd" })).Str("id");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PutJsonAsync($"/api/v1/accounts/{id}", new { description = $"writer {i}", version = 1 })));

        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        (await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync()).Int("version").ShouldBe(2);
    }

    [Fact]
    public async Task Parent_accounts_are_linked_and_loops_are_refused()
    {
        var client = await UserClientAsync();
        var parent = await CreateAsync(client, new { name = "Holding Group" });
        var child = await CreateAsync(client, new { name = "Holding Group UK", parent_account_id = parent.Str("id") });
        child["parent_account"]!.Str("name").ShouldBe("Holding Group");

        var loop = await client.PutJsonAsync($"/api/v1/accounts/{parent.Str("id")}", new { parent_account_id = child.Str("id"), version = 1 });
        loop.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await loop.ReadJsonAsync()).ErrorsFor("parent_account_id").ShouldBe(["The Parent Account can't be one of this account's child accounts."]);

        var self = await client.PutJsonAsync($"/api/v1/accounts/{parent.Str("id")}", new { parent_account_id = parent.Str("id"), version = 1 });
        (await self.ReadJsonAsync()).ErrorsFor("parent_account_id").ShouldBe(["An account can't be its own parent."]);
    }

    [Fact]
    public async Task Deactivation_hides_the_account_from_the_list_but_keeps_it_readable()
    {
        var client = await UserClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var id = (await CreateAsync(client, new { name = $"Old Client {tag}" })).Str("id");

        var response = await client.PutJsonAsync($"/api/v1/accounts/{id}", new { is_active = false, version = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync())["is_active"]!.GetValue<bool>().ShouldBeFalse();
        (await (await client.GetAsync($"/api/v1/accounts?q={tag}")).ReadJsonAsync()).Int("total").ShouldBe(0);
        var read = await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync();
        read["is_active"]!.GetValue<bool>().ShouldBeFalse();
        read.Str("name").ShouldBe($"Old Client {tag}");
    }

    [Fact]
    public async Task Every_change_writes_its_event_to_the_outbox_and_other_services_learn_it()
    {
        var client = await UserClientAsync();
        var id = (await CreateAsync(client, new { name = "Evented Co" })).Str("id");
        (await client.PutJsonAsync($"/api/v1/accounts/{id}", new { name = "Evented Company", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutJsonAsync($"/api/v1/accounts/{id}", new { is_active = false, version = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = new NpgsqlConnection(fixture.GetConnectionString("salesdb"));
        await db.OpenAsync();
        await using var events = new NpgsqlCommand(
            "SELECT message_type FROM outbox_messages WHERE payload->'account'->>'accountId' = @id ORDER BY id", db);
        events.Parameters.AddWithValue("id", id);
        var types = new List<string>();
        await using (var reader = await events.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                types.Add(reader.GetString(0));
            }
        }

        types.ShouldBe(["Crm.Contracts.Sales.AccountCreated", "Crm.Contracts.Sales.AccountUpdated", "Crm.Contracts.Sales.AccountDeactivated"]);

        var admin = await fixture.AdminTokenAsync();
        foreach (var service in new[] { "billing", "activities" })
        {
            var copy = await Eventually.WaitForAsync(
                async () => await (await fixture.ServiceClient(service).WithBearer(admin).GetAsync($"/internal/v1/directory/records/Account/{id}")).Content.ReadAsStringAsync(),
                body => body.Contains("\"version\":3", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30),
                $"{service} to know the deactivated account");
            copy.ShouldContain("\"name\":\"Evented Company\"");
            copy.ShouldContain("\"is_active\":false");
        }
    }
}
