using System.Net;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class AuthTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task Login_answers_a_token_and_the_user_and_keeps_the_refresh_token_away_from_the_browser()
    {
        var response = await fixture.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = fixture.AdminEmail, password = fixture.AdminPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.Str("token").Split('.').Length.ShouldBe(3);
        DateTime.Parse(body.Str("expires_at"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTime.Now);
        body["user"]!.Str("email").ShouldBe(fixture.AdminEmail);
        body["user"]!.Str("role").ShouldBe("Admin");
        body["refresh_token"].ShouldBeNull();
    }

    [Fact]
    public async Task Every_login_failure_gets_the_same_generic_answer()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient();

        var wrongPassword = await client.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "Wrong12345" });
        var unknownEmail = await client.PostJsonAsync("/api/v1/auth/login", new { email = "nobody-" + user.Email, password = "Wrong12345" });

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknownEmail.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrongPassword.ReadJsonAsync()).Str("detail").ShouldBe("Invalid email or password.");
        (await unknownEmail.ReadJsonAsync()).Str("detail").ShouldBe("Invalid email or password.");
    }

    [Fact]
    public async Task Missing_credentials_are_named_per_field()
    {
        var response = await fixture.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem.ErrorsFor("email").ShouldBe(["Email is required."]);
        problem.ErrorsFor("password").ShouldBe(["Password is required."]);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var user = await TestUsers.CreateAsync(fixture);
        // Straight to Identity: the gateway's login rate limit would answer 429 before the lockout shows.
        var identity = fixture.ServiceClient("identity");
        for (var i = 0; i < 5; i++)
        {
            (await identity.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "Wrong12345" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await identity.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.ReadJsonAsync()).Str("detail").ShouldBe("Invalid email or password.");
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_ends_the_session()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var identity = fixture.ServiceClient("identity");
        var login = await (await identity.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).ReadJsonAsync();
        var first = login.Str("refresh_token");

        var refreshed = await identity.PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = first });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await refreshed.ReadJsonAsync()).Str("refresh_token");
        second.ShouldNotBe(first);

        (await identity.PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = first })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await identity.PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = second })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var me = await fixture.CreateClient().WithBearer(login.Str("token")).GetAsync("/api/v1/auth/me");
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_revokes_the_token_in_every_service_at_once()
    {
        var user = await TestUsers.CreateAsync(fixture);
        string[] services = ["identity", "sales", "billing", "activities"];
        string PathFor(string service) => service == "identity" ? "/api/v1/auth/me" : $"/internal/v1/directory/users/{user.Id}";
        foreach (var service in services)
        {
            var before = await fixture.ServiceClient(service).WithBearer(user.Token).GetAsync(PathFor(service));
            before.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, service);
        }

        var logout = await fixture.CreateClient().WithBearer(user.Token).PostAsync("/api/v1/auth/logout", null);
        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        foreach (var service in services)
        {
            var after = await fixture.ServiceClient(service).WithBearer(user.Token).GetAsync(PathFor(service));
            after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, service);
        }
    }

    [Fact]
    public async Task Me_answers_the_signed_in_user()
    {
        var user = await TestUsers.CreateAsync(fixture);

        var me = await (await fixture.CreateClient().WithBearer(user.Token).GetAsync("/api/v1/auth/me")).ReadJsonAsync();

        me.Str("id").ShouldBe(user.Id.ToString());
        me.Str("email").ShouldBe(user.Email);
        me.Str("role").ShouldBe("User");
        me["password_hash"].ShouldBeNull();
    }

    [Fact]
    public async Task Change_password_checks_the_current_one_and_the_policy()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);

        var wrong = await client.PostJsonAsync("/api/v1/auth/change-password", new { current_password = "Nope12345", new_password = "short" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await wrong.ReadJsonAsync();
        problem.ErrorsFor("current_password").ShouldBe(["Current password is incorrect."]);
        problem.ErrorsFor("new_password").ShouldContain("Password must be at least 8 characters.");

        var ok = await client.PostJsonAsync("/api/v1/auth/change-password", new { current_password = user.Password, new_password = "Changed2Crm" });
        ok.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var identity = fixture.ServiceClient("identity");
        (await identity.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await identity.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "Changed2Crm" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Discovery_document_and_jwks_describe_the_signing_key()
    {
        var identity = fixture.ServiceClient("identity");

        var discovery = await (await identity.GetAsync("/.well-known/openid-configuration")).ReadJsonAsync();
        discovery.Str("issuer").ShouldBe("crm-identity");
        var jwks = await (await identity.GetAsync(new Uri(discovery.Str("jwks_uri")).PathAndQuery)).ReadJsonAsync();
        var key = jwks["keys"]!.AsArray().ShouldHaveSingleItem()!;
        key.Str("kty").ShouldBe("RSA");
        key.Str("alg").ShouldBe("RS256");
        key["d"].ShouldBeNull();
    }
}
