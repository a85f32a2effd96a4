using System.Text;
using Crm.Gateway.Sessions;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Gateway;

public sealed class BrowserSignInRulesTests
{
    [Theory]
    [InlineData("/accounts?view=mine", "/accounts?view=mine")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("accounts", "/")]
    public void After_signing_in_the_browser_only_goes_to_a_path_of_this_app(string? asked, string expected) =>
        BrowserSignInEndpoints.SafeReturnUrl(asked).ShouldBe(expected);

    [Fact]
    public void The_sign_in_page_form_yields_the_username_for_the_rate_limit()
    {
        var login = LoginRequest.ParseForm(Encoding.UTF8.GetBytes("__csrf=x&ReturnUrl=%2Fconnect%2Fauthorize&username=+Ann%40Example.COM+&password=p&remember_me=true"));

        login.Email.ShouldBe("ann@example.com");
        login.RememberMe.ShouldBeTrue();
        LoginRequest.ParseForm(Encoding.UTF8.GetBytes("otp=123456")).Email.ShouldBeNull();
    }
}
