using Crm.ServiceDefaults.Directory;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class UserDirectoryTests
{
    [Fact]
    public void Applies_newer_versions_and_ignores_stale_or_repeated_ones()
    {
        var user = new DirectoryUser { Id = Guid.NewGuid() };
        var now = DateTime.UtcNow;

        user.Apply("a@x.com", "Ann", "Lee", "User", true, 1, now).ShouldBeTrue();
        user.Apply("a@x.com", "Ann", "Smith", "User", true, 2, now).ShouldBeTrue();
        user.Apply("a@x.com", "Ann", "Lee", "User", true, 1, now).ShouldBeFalse();
        user.Apply("a@x.com", "Ann", "Other", "User", true, 2, now).ShouldBeFalse();

        user.FullName.ShouldBe("Ann Smith");
        user.Version.ShouldBe(2);
    }
}
