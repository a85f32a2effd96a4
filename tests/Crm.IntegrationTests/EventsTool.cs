using System.Diagnostics;
using System.Reflection;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>Runs <c>tools/Crm.Events</c> as <c>./crm events</c> does, against the fixture's CRM (found through its data dir).</summary>
public static class EventsTool
{
    public static Task<string> RunEventsToolAsync(this CrmFixture fixture, params string[] args) => fixture.RunToolAsync("Crm.Events", TimeSpan.FromMinutes(2), args);

    /// <summary>Runs the built <c>tools/&lt;project&gt;</c> with the fixture's data dir and admin; its output, once it exited with 0.</summary>
    public static async Task<string> RunToolAsync(this CrmFixture fixture, string project, TimeSpan timeout, params string[] args)
    {
        var dll = Path.Combine(fixture.RepoRoot, "tools", project, "bin", BuildConfiguration, "net10.0", project + ".dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CRM_DATA_DIR"] = fixture.DataDir;
        start.Environment["CRM_ADMIN_EMAIL"] = fixture.AdminEmail;
        start.Environment["CRM_ADMIN_PASSWORD"] = fixture.AdminPassword;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{project} {string.Join(' ', args)} still running after {timeout}: {await output}{await errors}");
        }

        process.ExitCode.ShouldBe(0, $"{project} {string.Join(' ', args)}: {await output}{await errors}");
        return await output;
    }

    /// <summary>The solution is built in one configuration: the tool's is this test assembly's own.</summary>
    private static string BuildConfiguration =>
        typeof(EventsTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Release";
}
