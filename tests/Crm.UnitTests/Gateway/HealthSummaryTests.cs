using Crm.Gateway.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.Gateway;

public sealed class HealthSummaryTests
{
    private static readonly string[] Services = ["identity", "sales"];

    private static ReplicaHealth Replica(string service, HealthStatus database = HealthStatus.Healthy, HealthStatus broker = HealthStatus.Healthy)
    {
        var checks = new Dictionary<string, HealthStatus> { ["self"] = HealthStatus.Healthy, ["database"] = database, ["rabbitmq"] = broker };
        return new ReplicaHealth(service, checks.Values.Min(), null, checks);
    }

    [Fact]
    public void Everything_healthy_is_healthy_with_no_failing_list()
    {
        var summary = HealthSummary.From(new Dictionary<string, ReplicaHealth> { ["identity"] = Replica("identity"), ["sales"] = Replica("sales") }, Services);

        summary.Status.ShouldBe("Healthy");
        summary.CanServe.ShouldBeTrue();
        summary.Failing.ShouldBeNull();
        summary.Dependencies.ShouldBe(new Dictionary<string, string> { ["database"] = "Healthy", ["rabbitmq"] = "Healthy" }, ignoreOrder: true);
    }

    [Fact]
    public void A_broker_outage_is_degraded_still_served_and_named()
    {
        var summary = HealthSummary.From(
            new Dictionary<string, ReplicaHealth>
            {
                ["identity"] = Replica("identity", broker: HealthStatus.Degraded),
                ["sales"] = Replica("sales", broker: HealthStatus.Degraded),
            },
            Services);

        summary.Status.ShouldBe("Degraded");
        summary.CanServe.ShouldBeTrue();
        summary.Failing.ShouldBe(["identity", "sales"]);
        summary.Dependencies["rabbitmq"].ShouldBe("Degraded");
        summary.Dependencies["database"].ShouldBe("Healthy");
        summary.Replicas["sales"].Checks["rabbitmq"].ShouldBe("Degraded");
    }

    [Fact]
    public void A_database_outage_is_unhealthy_and_cannot_serve()
    {
        var summary = HealthSummary.From(
            new Dictionary<string, ReplicaHealth> { ["identity"] = Replica("identity"), ["sales"] = Replica("sales", database: HealthStatus.Unhealthy) },
            Services);

        summary.Status.ShouldBe("Unhealthy");
        summary.CanServe.ShouldBeFalse();
        summary.Failing.ShouldBe(["sales"]);
        summary.Services["identity"].ShouldBe("Healthy");
        summary.Dependencies["database"].ShouldBe("Unhealthy");
    }

    [Fact]
    public void A_service_is_as_good_as_its_best_replica()
    {
        var summary = HealthSummary.From(
            new Dictionary<string, ReplicaHealth>
            {
                ["identity"] = Replica("identity"),
                ["sales-1"] = ReplicaHealth.NoAnswer("sales", "Not reachable."),
                ["sales-2"] = Replica("sales"),
            },
            Services);

        summary.Status.ShouldBe("Healthy");
        summary.Replicas["sales-1"].Status.ShouldBe("Unhealthy");
        summary.Replicas["sales-1"].Description.ShouldBe("Not reachable.");
    }

    [Fact]
    public void A_service_without_any_answer_is_unhealthy()
    {
        var summary = HealthSummary.From(new Dictionary<string, ReplicaHealth> { ["identity"] = Replica("identity") }, Services);

        summary.Status.ShouldBe("Unhealthy");
        summary.Failing.ShouldBe(["sales"]);
    }

    [Fact]
    public void A_replica_answer_is_read_check_by_check_without_descriptions()
    {
        const string body = """{"status":"Degraded","checks":{"self":{"status":"Healthy","description":null},"database":{"status":"Healthy","description":"ok"},"rabbitmq":{"status":"Degraded","description":"amqp://10.0.0.1 refused"}}}""";

        var replica = ReplicaHealth.FromAnswer("sales", 200, body);

        replica.Status.ShouldBe(HealthStatus.Degraded);
        replica.Checks.ShouldBe(new Dictionary<string, HealthStatus> { ["self"] = HealthStatus.Healthy, ["database"] = HealthStatus.Healthy, ["rabbitmq"] = HealthStatus.Degraded }, ignoreOrder: true);
        replica.Description.ShouldBeNull();
    }

    [Theory]
    [InlineData(503, """{"status":"Healthy","checks":{}}""", HealthStatus.Unhealthy)]
    [InlineData(200, "not json", HealthStatus.Healthy)]
    [InlineData(503, "<html>", HealthStatus.Unhealthy)]
    [InlineData(200, """{"status":"Sideways"}""", HealthStatus.Healthy)]
    [InlineData(200, """{"status":"0"}""", HealthStatus.Healthy)]
    public void An_answer_the_body_does_not_explain_counts_by_its_status_code(int code, string body, HealthStatus expected) =>
        ReplicaHealth.FromAnswer("sales", code, body).Status.ShouldBe(expected);
}
