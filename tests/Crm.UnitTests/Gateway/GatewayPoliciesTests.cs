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
    public void Login_answer_tokens_are_read_and_the_refresh_fields_are_marked_server_side()
    {
        var body = JsonNode.Parse("""
            {"token":"a","expires_at":"2025-01-01T12:15:00Z","refresh_token":"r","refresh_expires_at":"2025-01-02T12:00:00Z",
             "user":{"id":"u-1","email":"x@y.z"}}
            """)!.AsObject();

        IssuedTokens.TryParse(body, out var tokens).ShouldBeTrue();
        tokens!.AccessToken.ShouldBe("a");
        tokens.AccessExpiresAt.ShouldBe(new DateTimeOffset(2025, 1, 1, 12, 15, 0, TimeSpan.Zero));
        tokens.RefreshExpiresAt.ShouldBe(new DateTimeOffset(2025, 1, 2, 12, 0, 0, TimeSpan.Zero));
        tokens.UserId.ShouldBe("u-1");
        IssuedTokens.ServerSideFields.ShouldBe(["refresh_token", "refresh_expires_at"]);
    }

    [Fact]
    public void An_answer_without_a_refresh_token_is_not_a_session()
    {
        var body = JsonNode.Parse("""{"token":"a","expires_at":"2025-01-01T12:15:00Z"}""")!.AsObject();

        IssuedTokens.TryParse(body, out _).ShouldBeFalse();
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
    public void Session_ids_are_43_base64url_characters()
    {
        var id = SessionStore.NewId();

        SessionStore.IsWellFormedId(id).ShouldBeTrue();
        SessionStore.IsWellFormedId("short").ShouldBeFalse();
        SessionStore.IsWellFormedId(new string('a', 42) + ":").ShouldBeFalse();
    }
}
