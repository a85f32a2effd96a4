using Crm.AppHost.Hosting;
using Crm.AppHost.Resources;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

/// <summary>A crashed process, infrastructure or service, is prepared again and restarted; a stopped one is not.</summary>
public sealed class ResourceSupervisionTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "crm-supervision-" + Guid.NewGuid().ToString("N")[..8]);
    private SleepResource _resource = null!;

    public Task InitializeAsync()
    {
        _resource = new SleepResource(new ResourceContext(_dataDir, _dataDir, "Testing"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _resource.StopAsync(CancellationToken.None);
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task A_killed_process_is_prepared_again_and_restarted()
    {
        await _resource.StartAsync(CancellationToken.None);
        await _resource.WaitHealthyAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        var firstPid = _resource.Pid;

        await _resource.KillAsync(CancellationToken.None);

        await WaitUntilAsync(() => _resource.State == ResourceState.Running && _resource.Pid is { } pid && pid != firstPid, TimeSpan.FromSeconds(15));
        _resource.Restarts.ShouldBe(1);
        _resource.Preparations.ShouldBe(2);
    }

    [Fact]
    public async Task A_stopped_process_stays_stopped()
    {
        await _resource.StartAsync(CancellationToken.None);
        await _resource.StopAsync(CancellationToken.None);

        // Longer than the first back-off delay: a restart would have happened by now.
        await Task.Delay(Backoff.DefaultInitial + TimeSpan.FromSeconds(1));

        _resource.State.ShouldBe(ResourceState.Stopped);
        _resource.Restarts.ShouldBe(0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "timed out");
            await Task.Delay(50);
        }
    }

    private sealed class SleepResource(ResourceContext context) : Resource("sleeper", "executable", context)
    {
        public int Preparations { get; private set; }

        public override string? Endpoint => null;

        public override Task<bool> CheckHealthAsync(CancellationToken ct) => Task.FromResult(Pid is not null);

        protected override Task PrepareAsync(CancellationToken ct)
        {
            Preparations++;
            return Task.CompletedTask;
        }

        protected override ProcessSpec CreateProcessSpec() => new("sleep", ["300"]);
    }
}
