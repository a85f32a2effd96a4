using Crm.Gateway.LoadBalancing;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Gateway;

public sealed class LoadBalancingTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static ClusterState Cluster(int replicas, bool active = true, TimeSpan? reactivation = null) =>
        new("sales",
            Enumerable.Range(1, replicas).Select(i => new DestinationState($"sales-{i}", new Uri($"http://127.0.0.1:{5000 + i}/"))).ToList(),
            new ActiveHealthCheckSettings(active, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), "/health"),
            reactivation);

    [Fact]
    public void Round_robin_cycles_through_every_replica_in_turn()
    {
        var cluster = Cluster(3);

        var picks = Enumerable.Range(0, 6).Select(_ => cluster.PickDestination(Now)!.Id).ToList();

        picks.ShouldBe(["sales-1", "sales-2", "sales-3", "sales-1", "sales-2", "sales-3"]);
    }

    [Fact]
    public void Unhealthy_replicas_are_skipped()
    {
        var cluster = Cluster(3);
        cluster.Destinations[1].ReportProbe(healthy: false, Now, consecutiveFailures: 2);
        cluster.Destinations[1].ReportProbe(healthy: false, Now, consecutiveFailures: 2);

        var picks = Enumerable.Range(0, 4).Select(_ => cluster.PickDestination(Now)!.Id).ToList();

        picks.ShouldNotContain("sales-2");
        picks.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void One_failed_probe_does_not_take_a_replica_out_two_in_a_row_do()
    {
        var cluster = Cluster(2);
        var replica = cluster.Destinations[0];

        replica.ReportProbe(healthy: false, Now, consecutiveFailures: 2);
        replica.Health.ShouldNotBe(DestinationHealth.Unhealthy);
        replica.ReportProbe(healthy: true, Now, consecutiveFailures: 2);
        replica.ReportProbe(healthy: false, Now, consecutiveFailures: 2);
        replica.Health.ShouldNotBe(DestinationHealth.Unhealthy); // the healthy probe between reset the count

        replica.ReportProbe(healthy: false, Now, consecutiveFailures: 2);
        replica.Health.ShouldBe(DestinationHealth.Unhealthy);
        Enumerable.Range(0, 3).Select(_ => cluster.PickDestination(Now)!.Id).ShouldAllBe(id => id == "sales-2");
    }

    [Fact]
    public void A_connection_failure_takes_a_replica_out_until_a_probe_brings_it_back()
    {
        var cluster = Cluster(2);
        cluster.Destinations[0].ReportConnectFailure(Now);

        Enumerable.Range(0, 3).Select(_ => cluster.PickDestination(Now.AddMinutes(5))!.Id).ShouldAllBe(id => id == "sales-2");

        cluster.Destinations[0].ReportProbe(healthy: true, Now.AddMinutes(5));
        Enumerable.Range(0, 2).Select(_ => cluster.PickDestination(Now)!.Id).ShouldContain("sales-1");
    }

    [Fact]
    public void Without_active_checks_a_failed_replica_returns_after_the_reactivation_period()
    {
        var cluster = Cluster(2, active: false, reactivation: TimeSpan.FromSeconds(10));
        cluster.Destinations[0].ReportConnectFailure(Now);

        Enumerable.Range(0, 3).Select(_ => cluster.PickDestination(Now.AddSeconds(5))!.Id).ShouldAllBe(id => id == "sales-2");
        Enumerable.Range(0, 2).Select(_ => cluster.PickDestination(Now.AddSeconds(10))!.Id).ShouldBe(["sales-1", "sales-2"], ignoreOrder: true);
    }

    [Fact]
    public void The_excluded_replica_of_a_retry_is_not_picked_again()
    {
        var cluster = Cluster(2);
        var first = cluster.PickDestination(Now)!;

        for (var i = 0; i < 4; i++)
        {
            cluster.PickDestination(Now, exclude: first).ShouldNotBeSameAs(first);
        }
    }

    [Fact]
    public void With_no_healthy_replica_every_replica_is_tried_rather_than_none()
    {
        var cluster = Cluster(2);
        foreach (var destination in cluster.Destinations)
        {
            destination.ReportProbe(healthy: false, Now);
        }

        cluster.HasHealthyDestination(Now).ShouldBeFalse();
        Enumerable.Range(0, 2).Select(_ => cluster.PickDestination(Now)!.Id).ShouldBe(["sales-1", "sales-2"], ignoreOrder: true);
        cluster.PickDestination(Now, exclude: cluster.Destinations[0])!.Id.ShouldBe("sales-2");

        var single = Cluster(1);
        single.Destinations[0].ReportConnectFailure(Now);
        single.PickDestination(Now, exclude: single.Destinations[0]).ShouldBeNull();
        Cluster(0).PickDestination(Now).ShouldBeNull();
    }

    [Fact]
    public void The_counter_may_wrap_around()
    {
        var counter = int.MaxValue - 1;
        string[] items = ["a", "b", "c"];

        var picks = Enumerable.Range(0, 4).Select(_ => RoundRobin.Pick(items, ref counter)).ToList();

        picks.ShouldAllBe(p => p != null);
    }
}
