using Crm.AppHost.Deployment;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

public sealed class ServiceReleasesTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("crm-releases-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private string Build(ServiceReleases releases, DateTimeOffset at)
    {
        var dir = releases.NewReleaseDirectory("sales", at);
        Directory.CreateDirectory(dir);
        var program = Path.Combine(dir, "Crm.Sales");
        File.WriteAllText(program, dir);
        return program;
    }

    [Fact]
    public void Activating_a_build_repoints_the_service_s_link_and_a_later_one_replaces_it()
    {
        var releases = new ServiceReleases(_dataDir);
        var first = Build(releases, DateTimeOffset.UtcNow.AddMinutes(-1));
        var second = Build(releases, DateTimeOffset.UtcNow);

        var link = releases.Activate("sales", first);
        link.ShouldBe(releases.Program("sales", "Crm.Sales"));
        File.ReadAllText(link).ShouldBe(Path.GetDirectoryName(first));

        releases.Activate("sales", second);
        releases.Current("sales", "Crm.Sales").ShouldBe(second);
        File.ReadAllText(link).ShouldBe(Path.GetDirectoryName(second));
        File.Exists(link + ".next").ShouldBeFalse();
    }

    [Fact]
    public void A_build_without_its_program_is_refused_and_the_link_stays()
    {
        var releases = new ServiceReleases(_dataDir);
        var good = Build(releases, DateTimeOffset.UtcNow);
        releases.Activate("sales", good);

        Should.Throw<InvalidOperationException>(() => releases.Activate("sales", Path.Combine(_dataDir, "missing", "Crm.Sales")));
        releases.Current("sales", "Crm.Sales").ShouldBe(good);
    }

    [Fact]
    public void Two_builds_in_the_same_second_get_directories_of_their_own()
    {
        var releases = new ServiceReleases(_dataDir);
        var now = DateTimeOffset.UtcNow;
        releases.NewReleaseDirectory("sales", now).ShouldNotBe(releases.NewReleaseDirectory("sales", now));
    }

    [Fact]
    public void Pruning_keeps_the_newest_builds_and_the_one_in_use()
    {
        var releases = new ServiceReleases(_dataDir);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var builds = Enumerable.Range(0, 6).Select(i => Build(releases, start.AddMinutes(i))).ToList();
        // Rolled back to the oldest: it stays although four newer ones exist.
        releases.Activate("sales", builds[0]);

        releases.Prune("sales", "Crm.Sales");

        var left = Directory.GetDirectories(releases.Directory("sales")).Order(StringComparer.Ordinal).ToList();
        left.ShouldBe([.. new[] { builds[0], builds[3], builds[4], builds[5] }.Select(b => Path.GetDirectoryName(b)!)]);
    }
}
