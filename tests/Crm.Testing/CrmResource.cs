using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Crm.AppHost.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Testing;

/// <summary>One resource of the running AppHost (postgres, sales, sales-2, gateway...), as Aspire reports it.</summary>
public sealed class CrmResource(DistributedApplication app, string name)
{
    public string Name { get; } = name;

    public string? State => Snapshot?.State?.Text;

    public string? Health => Snapshot?.HealthStatus?.ToString();

    /// <summary>The process DCP started (a service's own program; for PostgreSQL, its signal wrapper).</summary>
    public int? Pid => Snapshot?.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
    {
        int pid => pid,
        long pid => (int)pid,
        string text when int.TryParse(text, out var pid) => pid,
        _ => null,
    };

    /// <summary>How many times the AppHost restarted it after a crash.</summary>
    public int Restarts => app.Services.GetRequiredService<CrashRestarter>().Restarts(Name);

    /// <summary>The http endpoint of a project (null for infrastructure).</summary>
    public string? Endpoint
    {
        get
        {
            try
            {
                return app.GetEndpoint(Name, "http").ToString().TrimEnd('/');
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>The last lines of its console, as Aspire keeps them for the dashboard.</summary>
    public IReadOnlyList<string> RecentLogs(int count)
    {
        var lines = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var logs = app.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(Name);
        foreach (var batch in logs.ToBlockingEnumerable(cts.Token))
        {
            lines.AddRange(batch.Select(line => line.Content));
        }

        return lines.TakeLast(count).ToList();
    }

    private CustomResourceSnapshot? Snapshot =>
        app.ResourceNotifications.TryGetCurrentState(Name, out var e) ? e.Snapshot : null;

    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            // A crashed resource is Exited until the AppHost restarts it: keep waiting through that.
            await app.ResourceNotifications.WaitForResourceHealthyAsync(Name, WaitBehavior.WaitOnResourceUnavailable, cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} was not healthy within {timeout.TotalSeconds:F0} s (state {State}, health {Health}).");
        }
    }

    /// <summary>Waits until the resource's process has ended as Aspire sees it (Exited, Finished...).</summary>
    public Task WaitEndedAsync(CancellationToken ct) =>
        app.ResourceNotifications.WaitForResourceAsync(Name, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), ct);
}
