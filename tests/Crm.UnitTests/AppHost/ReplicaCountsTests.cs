using Crm.AppHost;
using Crm.AppHost.Hosting;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

public class ReplicaCountsTests
{
    private static readonly string[] Known = ["identity", "sales", "billing", "activities"];

    [Fact]
    public void Parses_a_comma_separated_list()
    {
        var counts = ReplicaCounts.Parse("sales=2, Billing=3", Known);

        counts.Count.ShouldBe(2);
        counts["sales"].ShouldBe(2);
        counts["billing"].ShouldBe(3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_means_no_overrides(string? value) =>
        ReplicaCounts.Parse(value, Known).ShouldBeEmpty();

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
        Should.Throw<FormatException>(() => ReplicaCounts.Parse(value, Known));

    [Theory]
    [InlineData(0, 1, "sales")]
    [InlineData(0, 2, "sales-1")]
    [InlineData(1, 2, "sales-2")]
    public void Names_replicas_as_in_the_architecture_doc(int index, int count, string expected) =>
        ReplicaCounts.ReplicaName("sales", index, count).ShouldBe(expected);

    [Fact]
    public void Command_line_accepts_both_spellings_and_later_wins()
    {
        var options = CrmTopologyOptions.FromEnvironment(["--replicas", "sales=2,billing=2", "--replicas=sales=3"]);

        options.Replicas["sales"].ShouldBe(3);
        options.Replicas["billing"].ShouldBe(2);
    }

    [Fact]
    public void Command_line_rejects_unknown_flags() =>
        Should.Throw<FormatException>(() => CrmTopologyOptions.FromEnvironment(["--nope"]));
}
