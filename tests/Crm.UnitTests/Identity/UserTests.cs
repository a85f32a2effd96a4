using Crm.Identity.Model;
using Shouldly;

namespace Crm.UnitTests.Identity;

public sealed class UserTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    private static User NewUser()
    {
        var user = User.Create(" Ann@Agency.com ", "Ann", "Lee", "User", null, Now);
        user.SetPasswordHash("hash", Now);
        return user;
    }

    [Fact]
    public void Email_is_trimmed_and_normalized_for_lookups()
    {
        var user = NewUser();

        user.Email.ShouldBe("Ann@Agency.com");
        user.NormalizedEmail.ShouldBe("ANN@AGENCY.COM");
        user.Version.ShouldBe(1);
        user.CanSignIn(Now).ShouldBeTrue();
    }

    [Fact]
    public void Fifth_failed_login_locks_the_user_out_for_a_while()
    {
        var user = NewUser();
        for (var i = 0; i < User.MaxFailedLogins - 1; i++)
        {
            user.RecordFailedLogin(Now);
        }

        user.IsLockedOut(Now).ShouldBeFalse();
        user.RecordFailedLogin(Now);
        user.IsLockedOut(Now).ShouldBeTrue();
        user.CanSignIn(Now.AddMinutes(14)).ShouldBeFalse();
        user.CanSignIn(Now + User.LockoutDuration + TimeSpan.FromSeconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void Successful_login_clears_the_failure_count()
    {
        var user = NewUser();
        user.RecordFailedLogin(Now);
        user.RecordFailedLogin(Now);
        user.RecordSuccessfulLogin(Now);
        for (var i = 0; i < User.MaxFailedLogins - 1; i++)
        {
            user.RecordFailedLogin(Now);
        }

        user.IsLockedOut(Now).ShouldBeFalse();
    }

    [Fact]
    public void Update_bumps_the_version_and_keeps_unsent_fields()
    {
        var user = NewUser();
        var admin = Guid.NewGuid();

        user.Update(null, "Smith", null, false, admin, Now.AddHours(1));

        user.FirstName.ShouldBe("Ann");
        user.LastName.ShouldBe("Smith");
        user.IsActive.ShouldBeFalse();
        user.Version.ShouldBe(2);
        user.UpdatedBy.ShouldBe(admin);
        user.CanSignIn(Now.AddHours(1)).ShouldBeFalse();
    }

    [Fact]
    public void A_user_without_a_password_cannot_sign_in() =>
        User.Create("b@x.com", "B", "C", "User", null, Now).CanSignIn(Now).ShouldBeFalse();
}
