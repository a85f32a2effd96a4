using Crm.Identity.Apis;
using Crm.Identity.Services;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Identity;

public sealed class SignInPageTests
{
    [Theory]
    [InlineData("/connect/authorize?client_id=crm-gateway&state=x", "/connect/authorize?client_id=crm-gateway&state=x")]
    [InlineData("/connect/authorize", "/")]
    [InlineData("https://evil.example/connect/authorize?x=1", "/")]
    [InlineData("/connect/authorize?x=1\\evil", "/")]
    [InlineData("/accounts", "/")]
    [InlineData(null, "/")]
    public void After_the_page_only_an_authorization_request_of_ours_is_followed(string? asked, string expected) =>
        SignInPageApi.SafeReturnUrl(asked).ShouldBe(expected);

    [Fact]
    public void What_a_person_typed_is_shown_back_encoded_never_as_markup()
    {
        var html = SignInPage.Render(new SignInPage.PasswordStep("/connect/authorize?a=1", "tok\"en", Username: "\"><script>alert(1)</script>", Error: "Invalid email or password."));

        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&quot;&gt;&lt;script&gt;");
        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("name=\"__csrf\" value=\"tok&quot;en\"");
    }

    [Fact]
    public void The_code_step_offers_the_other_kind_of_code()
    {
        SignInPage.Render(new SignInPage.CodeStep("/", "t", Recovery: false)).ShouldContain("Use a recovery code instead");
        SignInPage.Render(new SignInPage.CodeStep("/", "t", Recovery: true)).ShouldContain("Use your authenticator app instead");
    }
}
