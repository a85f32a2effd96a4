using Crm.ServiceDefaults.Http;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void Collects_one_message_per_failed_rule_under_the_field_name()
    {
        var errors = new ValidationErrors()
            .Required("first_name", "  ", "First name")
            .Required("last_name", "Lee", "Last name")
            .MaxLength("last_name", new string('x', 81), 80, "Last name")
            .Email("email", "not-an-email");

        errors.HasErrors.ShouldBeTrue();
        var map = errors.ToDictionary();
        map["first_name"].ShouldBe(["First name is required."]);
        map["last_name"].ShouldBe(["Last name must be at most 80 characters."]);
        map["email"].ShouldBe(["Enter a valid email address."]);
    }

    [Theory]
    [InlineData("ann@agency.com", true)]
    [InlineData("ann.lee+crm@sub.agency.co.uk", true)]
    [InlineData("ann@localhost", false)]
    [InlineData("ann lee@agency.com", false)]
    [InlineData("Ann <ann@agency.com>", false)]
    public void Email_rule_accepts_plain_addresses_only(string email, bool valid) =>
        new ValidationErrors().Email("email", email).HasErrors.ShouldBe(!valid);

    [Fact]
    public void No_errors_when_every_rule_holds() =>
        new ValidationErrors().Required("name", "Acme", "Name").Email("email", null).HasErrors.ShouldBeFalse();
}
