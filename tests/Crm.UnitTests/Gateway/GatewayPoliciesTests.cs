using System.Text;
using System.Text.Json.Nodes;
using Crm.Gateway.Sessions;
using Crm.Gateway.Spa;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Gateway;

public sealed class GatewayPoliciesTests
{
    [Theory]
    [InlineData("/assets/index-B1a2c3D4.js", SpaCachePolicy.Immutable)]
    [InlineData("/assets/logo.4f9a8b7c6d.svg", SpaCachePolicy.Immutable)]
    [InlineData("/assets/logo.svg", SpaCachePolicy.Revalidate)]
    [InlineData("/index.html", SpaCachePolicy.Revalidate)]
    [InlineData("/favicon.ico", SpaCachePolicy.Revalidate)]
    public void Only_fingerprinted_assets_are_cached_forever(string path, string expected) =>
        SpaCachePolicy.For(new PathString(path)).ShouldBe(expected);

    [Theory]
    [InlineData("GET", null, true)]
    [InlineData("HEAD", null, true)]
    [InlineData("POST", null, false)]
    [InlineData("PUT", "fetch", false)]
    [InlineData("DELETE", "XMLHttpRequest", true)]
    [InlineData("PATCH", "xmlhttprequest", true)]
    public void Cookie_requests_that_change_state_need_the_header(string method, string? header, bool allowed) =>
        CsrfPolicy.IsAllowed(method, header).ShouldBe(allowed);

    [Fact]
    public void Token_answers_are_read_with_lifetimes_counted_from_their_arrival()
    {
        var body = JsonNode.Parse("""
            {"access_token":"a","token_type":"Bearer","expires_in":900,"refresh_token":"r","refresh_token_expires_in":43200,
             "user":{"id":"u-1","email":"x@y.z"}}
            """)!.AsObject();
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

        IssuedTokens.TryParse(body, now, out var tokens).ShouldBeTrue();
        tokens!.AccessToken.ShouldBe("a");
        tokens.RefreshToken.ShouldBe("r");
        tokens.AccessExpiresAt.ShouldBe(now.AddMinutes(15));
        tokens.RefreshExpiresAt.ShouldBe(now.AddHours(12));
        tokens.UserId.ShouldBe("u-1");
    }

    [Theory]
    [InlineData("""{"access_token":"a","expires_in":900}""")]
    [InlineData("""{"access_token":"a","expires_in":900,"refresh_token":"r"}""")]
    [InlineData("""{"access_token":"a","expires_in":"900","refresh_token":"r","refresh_token_expires_in":60}""")]
    [InlineData("""{"access_token":"","expires_in":900,"refresh_token":"r","refresh_token_expires_in":60}""")]
    public void An_answer_without_a_usable_refresh_token_is_not_a_session(string json)
    {
        IssuedTokens.TryParse(JsonNode.Parse(json)!.AsObject(), DateTimeOffset.UnixEpoch, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"email":" Ann@Example.COM ","password":"x","remember_me":true}""", "ann@example.com", true)]
    [InlineData("""{"email":"a@b.c","password":"x"}""", "a@b.c", false)]
    [InlineData("not json", null, false)]
    [InlineData("[1]", null, false)]
    public void The_login_body_yields_the_email_and_remember_me(string json, string? email, bool remember)
    {
        var login = LoginRequest.Parse(Encoding.UTF8.GetBytes(json));

        login.Email.ShouldBe(email);
        login.RememberMe.ShouldBe(remember);
    }

    [Fact]
    public void The_login_body_yields_the_password_and_second_factor_as_sent()
    {
        var login = LoginRequest.Parse(Encoding.UTF8.GetBytes("""{"email":"a@b.c","password":" p w ","otp":"123456","recovery_code":7}"""));

        login.Password.ShouldBe(" p w ");
        login.Otp.ShouldBe("123456");
        login.RecoveryCode.ShouldBeNull();
    }

    [Fact]
    public void Session_ids_are_43_base64url_characters()
    {
        var id = SessionStore.NewId();

        SessionStore.IsWellFormedId(id).ShouldBeTrue();
        SessionStore.IsWellFormedId("short").ShouldBeFalse();
        SessionStore.IsWellFormedId(new string('a', 42) + ":").ShouldBeFalse();
    }
}
