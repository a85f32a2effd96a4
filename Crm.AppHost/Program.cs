using System.Runtime.InteropServices;
using Crm.AppHost;
using Crm.AppHost.Hosting;

// ./crm run: start the whole CRM, print its URLs, stop everything on Ctrl+C / SIGTERM.
if (args is [Reaper.Flag, ..])
{
    return await Reaper.RunAsync(args);
}

CrmTopologyOptions options;
try
{
    options = CrmTopologyOptions.FromEnvironment(args);
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

options.Log = message => Console.WriteLine($"crm: {message}");
using var shutdown = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true; // we stop the children ourselves, in order
    shutdown.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

var app = new CrmTopology(options);
try
{
    await app.StartAsync(shutdown.Token);
    Console.WriteLine();
    if (app.Gateway is not null)
    {
        Console.WriteLine($"  App:        {app.GatewayUrl}");
    }

    if (app.DashboardLoginUrl is not null)
    {
        // The token in the link lets this browser start and stop resources; it is kept under the data dir.
        Console.WriteLine($"  Dashboard:  {app.DashboardLoginUrl}");
    }

    if (app.AdminPasswordGenerated)
    {
        // Shown once: the password is kept under the data dir and not printed again.
        Console.WriteLine($"  First admin: {app.AdminEmail} / {app.AdminPassword}  (shown only this once)");
        app.MarkAdminPasswordAnnounced();
    }

    Console.WriteLine("  Press Ctrl+C to stop.");
    await Task.Delay(Timeout.Infinite, shutdown.Token);
    return 0;
}
catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
{
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"crm: start failed: {ex.Message}");
    return 1;
}
finally
{
    Console.WriteLine("crm: stopping...");
    await app.DisposeAsync();
    Console.WriteLine("crm: stopped");
}
