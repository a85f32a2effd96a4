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
        for (var i = 0; i < 5; i++)
        {
            var wrong = await fixture.PasswordGrantAsync(user.Email, "Wrong12345");
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await wrong.ReadJsonAsync()).Error().ShouldBe("invalid_grant");
        }

        var locked = await fixture.PasswordGrantAsync(user.Email, user.Password);

        locked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var answer = await locked.ReadJsonAsync();
        answer.Error().ShouldBe("invalid_grant");
        answer.Str("error_description").ShouldBe("Invalid email or password.");
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_ends_the_session()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var login = await (await fixture.PasswordGrantAsync(user.Email, user.Password)).ReadJsonAsync();
        var first = login.Str("refresh_token");

        var refreshed = await fixture.RefreshGrantAsync(first);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var renewed = await refreshed.ReadJsonAsync();
        var second = renewed.Str("refresh_token");
        second.ShouldNotBe(first);
        (await fixture.CreateClient().WithBearer(renewed.Str("access_token")).GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The spent token comes back: someone holds a copy, so the whole session ends.
        var replayed = await fixture.RefreshGrantAsync(first);
        replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replayed.ReadJsonAsync()).Error().ShouldBe("invalid_grant");
        (await fixture.RefreshGrantAsync(second)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fixture.CreateClient().WithBearer(login.Str("access_token")).GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.CreateClient().WithBearer(renewed.Str("access_token")).GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoking_a_refresh_token_at_the_revocation_endpoint_stops_it()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var refresh = (await (await fixture.PasswordGrantAsync(user.Email, user.Password)).ReadJsonAsync()).Str("refresh_token");

        var revoked = await fixture.ServiceClient("identity").PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refresh,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = "crm-gateway",
            ["client_secret"] = fixture.GatewayClientSecret,
        }));

        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.RefreshGrantAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_wrong_client_secret_and_the_password_grant_to_anyone_but_the_gateway()
    {
        var user = await TestUsers.CreateAsync(fixture);

        var wrongSecret = await fixture.ServiceClient("identity").PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = user.Email,
            ["password"] = user.Password,
            ["client_id"] = "crm-gateway",
            ["client_secret"] = "not-the-secret",
        }));

        wrongSecret.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrongSecret.ReadJsonAsync()).Error().ShouldBe("invalid_client");
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

        var gateway = fixture.CreateClient();
        (await gateway.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await gateway.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "Changed2Crm" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_discovery_document_at_the_gateway_names_the_public_endpoints_and_the_signing_key()
    {
        var gateway = fixture.CreateClient();

        var discovery = await (await gateway.GetAsync("/.well-known/openid-configuration")).ReadJsonAsync();

        var publicUrl = fixture.GatewayUrl.TrimEnd('/');
        discovery.Str("issuer").ShouldBe(publicUrl + "/");
        discovery.Str("token_endpoint").ShouldBe(publicUrl + "/connect/token");
        discovery.Str("revocation_endpoint").ShouldBe(publicUrl + "/connect/revoke");
        discovery["grant_types_supported"]!.AsArray().Select(g => (string?)g).ShouldContain("client_credentials");
        var jwks = await (await gateway.GetAsync(new Uri(discovery.Str("jwks_uri")).PathAndQuery)).ReadJsonAsync();
        var key = jwks["keys"]!.AsArray().ShouldHaveSingleItem()!;
        key.Str("kty").ShouldBe("RSA");
        key.Str("alg").ShouldBe("RS256");
        key["d"].ShouldBeNull();
    }

    [Fact]
    public async Task Access_tokens_are_signed_jwts_for_the_crm_audience_from_the_public_issuer()
    {
        var user = await TestUsers.CreateAsync(fixture);

        var payload = Jwt.Payload(user.Token);

        payload.Str("iss").ShouldBe(fixture.GatewayUrl.TrimEnd('/') + "/");
        payload.Str("aud").ShouldBe("crm");
        payload.Str("sub").ShouldBe(user.Id.ToString());
        payload.Str("role").ShouldBe("User");
        payload["jti"].ShouldNotBeNull();
        payload["sid"].ShouldNotBeNull();
    }
}
