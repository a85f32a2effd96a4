using System.Net;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class UsersAdminTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task Admin_creates_a_user_whose_one_time_link_sets_the_password_once()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var email = $"{Guid.NewGuid():N}@agency.test";

        var created = await admin.PostJsonAsync("/api/v1/admin/users", new { first_name = "Ada", last_name = "Byron", email, role = "User" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.ReadJsonAsync();
        body.Str("email").ShouldBe(email);
        body.Str("role").ShouldBe("User");
        body.Int("version").ShouldBe(1);
        var link = body.Str("set_password_url");
        link.ShouldContain("/set-password?token=");
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/admin/users/{body.Str("id")}");

        var client = fixture.CreateClient();
        var weak = await client.PostJsonAsync("/api/v1/auth/set-password", new { token = TestUsers.TokenFrom(link), new_password = "abc" });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.ReadJsonAsync()).ErrorsFor("new_password").ShouldNotBeEmpty();

        await TestUsers.SetPasswordAsync(fixture, link, "Secret2Crm");
        var again = await client.PostJsonAsync("/api/v1/auth/set-password", new { token = TestUsers.TokenFrom(link), new_password = "Other2Crm" });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ReadJsonAsync()).ErrorsFor("token").ShouldHaveSingleItem().ShouldContain("invalid or has expired");

        (await (await fixture.PasswordGrantAsync(email, "Secret2Crm")).AccessTokenAsync()).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_per_field_and_nothing_is_written()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var existing = await TestUsers.CreateAsync(fixture);

        var response = await admin.PostJsonAsync("/api/v1/admin/users", new { first_name = "", last_name = new string('x', 81), email = existing.Email.ToUpperInvariant(), role = "Owner" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem.ErrorsFor("first_name").ShouldBe(["First name is required."]);
        problem.ErrorsFor("last_name").ShouldBe(["Last name must be at most 80 characters."]);
        problem.ErrorsFor("email").ShouldBe(["A user with this email already exists."]);
        problem.ErrorsFor("role").ShouldBe(["Role must be one of: Admin, User."]);

        var malformed = await admin.PostAsync("/api/v1/admin/users", new StringContent("{\"first_name\": ", System.Text.Encoding.UTF8, "application/json"));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        malformed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Admin_routes_answer_403_to_a_user_without_the_admin_role()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);

        (await client.GetAsync("/api/v1/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/admin/users/{user.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostJsonAsync("/api/v1/admin/users", new { first_name = "A", last_name = "B", email = "a@b.co", role = "Admin" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "Admin", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/v1/admin/users/{user.Id}/set-password-link", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TestUsers.GetUserAsync(fixture, user.Id)).Str("role").ShouldBe("User");
    }

    [Fact]
    public async Task An_update_from_a_stale_version_answers_409_with_the_current_record()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var user = await TestUsers.CreateAsync(fixture);

        var first = await admin.PutJsonAsync($"/api/v1/admin/users/{user.Id}", new { first_name = "Grace", version = 1 });
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.ReadJsonAsync()).Int("version").ShouldBe(2);

        var stale = await admin.PutJsonAsync($"/api/v1/admin/users/{user.Id}", new { first_name = "Lost", version = 1 });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.ReadJsonAsync();
        problem["current"]!.Str("first_name").ShouldBe("Grace");
        problem["current"]!.Int("version").ShouldBe(2);
        (await TestUsers.GetUserAsync(fixture, user.Id)).Str("first_name").ShouldBe("Grace");
    }

    [Fact]
    public async Task Update_requires_the_version_and_unknown_ids_are_404()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var user = await TestUsers.CreateAsync(fixture);

        var noVersion = await admin.PutJsonAsync($"/api/v1/admin/users/{user.Id}", new { first_name = "X" });
        noVersion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noVersion.ReadJsonAsync()).ErrorsFor("version").ShouldBe(["Version is required."]);

        (await admin.GetAsync($"/api/v1/admin/users/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PutJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deactivating_a_user_refuses_their_token_and_their_browser_session_at_once_and_their_logins()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var user = await TestUsers.CreateAsync(fixture);
        var theirs = fixture.CreateClient().WithBearer(user.Token);
        (await theirs.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A browser session too: the gateway holds its tokens behind the cookie.
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(fixture.GatewayUrl) };
        (await browser.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var deactivated = await admin.PutJsonAsync($"/api/v1/admin/users/{user.Id}", new { is_active = false, version = 1 });

        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deactivated.ReadJsonAsync())["is_active"]!.GetValue<bool>().ShouldBeFalse();
        (await theirs.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var login = await fixture.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await login.ReadJsonAsync()).Str("detail").ShouldBe("Invalid email or password.");
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves()
    {
        var newAdmin = await TestUsers.CreateAsync(fixture, role: "Admin");
        var client = fixture.CreateClient().WithBearer(newAdmin.Token);

        var response = await client.PutJsonAsync($"/api/v1/admin/users/{newAdmin.Id}", new { is_active = false, version = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await TestUsers.GetUserAsync(fixture, newAdmin.Id))["is_active"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task The_user_list_searches_sorts_and_pages()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "Carol", "Alice", "Bob" })
        {
            var r = await admin.PostJsonAsync("/api/v1/admin/users", new { first_name = name, last_name = "Zed" + tag, email = $"{name.ToLowerInvariant()}.{tag}@agency.test", role = "User" });
            r.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var page1 = await (await admin.GetAsync($"/api/v1/admin/users?q={tag}&sort=-email&page_size=2")).ReadJsonAsync();
        page1.Int("total").ShouldBe(3);
        page1.Int("page").ShouldBe(1);
        page1.Int("page_size").ShouldBe(2);
        page1["items"]!.AsArray().Select(i => i!.Str("first_name")).ShouldBe(["Carol", "Bob"]);

        var page2 = await (await admin.GetAsync($"/api/v1/admin/users?q={tag}&sort=-email&page_size=2&page=2")).ReadJsonAsync();
        page2["items"]!.AsArray().Select(i => i!.Str("first_name")).ShouldBe(["Alice"]);

        var capped = await (await admin.GetAsync("/api/v1/admin/users?page_size=5000")).ReadJsonAsync();
        capped.Int("page_size").ShouldBe(200);

        var badSort = await admin.GetAsync("/api/v1/admin/users?sort=password_hash");
        badSort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
