using Crm.Identity.Model;
using Crm.Identity.Services;
using Shouldly;

namespace Crm.UnitTests.Identity;

public sealed class TokenRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_password_link_works_once_and_expires()
    {
        var link = PasswordToken.Issue(Guid.NewGuid(), "h", null, Now);
        link.IsUsable(Now.AddHours(71)).ShouldBeTrue();
        link.IsUsable(Now.AddHours(73)).ShouldBeFalse();
        link.MarkUsed(Now);
        link.IsUsable(Now).ShouldBeFalse();
    }

    [Fact]
    public void A_forgot_password_link_works_for_one_hour_only()
    {
        var link = PasswordToken.Issue(Guid.NewGuid(), "h", null, Now, PasswordTokenPurpose.Reset);
        link.Purpose.ShouldBe(PasswordTokenPurpose.Reset);
        link.IsUsable(Now.AddMinutes(59)).ShouldBeTrue();
        link.IsUsable(Now.AddMinutes(61)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("abc12345", true)]
    [InlineData("short1", false)]
    [InlineData("lettersonly", false)]
    [InlineData("1234567890", false)]
    [InlineData("", false)]
    public void Password_policy_wants_eight_characters_with_letters_and_numbers(string password, bool ok) =>
        PasswordPolicy.Check(password).Count.Equals(0).ShouldBe(ok);

    [Fact]
    public void Secret_tokens_are_random_and_stored_only_as_a_hash()
    {
        var a = SecretTokens.New();
        var b = SecretTokens.New();

        a.ShouldNotBe(b);
        a.Length.ShouldBeGreaterThanOrEqualTo(43);
        SecretTokens.Hash(a).ShouldBe(SecretTokens.Hash(a));
        SecretTokens.Hash(a).ShouldNotContain(a);
    }
}
