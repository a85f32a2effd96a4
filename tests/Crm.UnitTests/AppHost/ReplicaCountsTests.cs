using Crm.AppHost.Hosting;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

public class ReplicaCountsTests
{
    [Fact]
    public void Parses_a_comma_separated_list()
    {
        var counts = ReplicaCounts.Parse("sales=2, Billing=3");

        counts["sales"].ShouldBe(2);
        counts["billing"].ShouldBe(3);
        counts["identity"].ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_means_one_of_each(string? value) =>
        ReplicaCounts.Parse(value)["sales"].ShouldBe(1);

    [Theory]
    [InlineData("sales")]
    [InlineData("sales=")]
    [InlineData("sales=0")]
    [InlineData("sales=-1")]
    [InlineData("sales=two")]
    [InlineData("sales=99")]
    [InlineData("gateway=2")]
    [InlineData("=2")]
    [InlineData("sales=2=3")]
    public void Rejects_bad_input(string value) =>
        Should.Throw<FormatException>(() => ReplicaCounts.Parse(value));

    [Fact]
    public void One_replica_is_named_after_its_service_several_are_numbered()
    {
        var counts = ReplicaCounts.Parse("sales=2");

        counts.Names("sales").ShouldBe(["sales-1", "sales-2"]);
        counts.Names("billing").ShouldBe(["billing"]);
    }
}
