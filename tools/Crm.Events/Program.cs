using Crm.Events;

// ./crm events [list] | redrive [--queue NAME] | reconcile (see README.md, "Events").
EventsOptions options;
try
{
    options = EventsOptions.Parse(args, Environment.GetEnvironmentVariable, EventsOptions.FindRepoRoot());
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var run = CrmRun.Load(options.DataDir);
    return options.Command switch
    {
        EventsCommand.List => await ListAsync(run, cancel.Token),
        EventsCommand.Redrive => await RedriveAsync(run, options.Queue, cancel.Token),
        _ => await ReconcileAsync(run, options, cancel.Token),
    };
}
catch (EventsException ex)
{
    Console.Error.WriteLine("events: " + ex.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("events: cancelled");
    return 130;
}

static void Say(string line) => Console.WriteLine("events: " + line);

static async Task<int> ListAsync(CrmRun run, CancellationToken ct)
{
    await using var queues = new ErrorQueues(run);
    var found = await queues.ListAsync(ct);
    foreach (var q in found)
    {
        Say($"{q.Name}: {q.Messages} message(s) (input queue {q.InputQueue})");
        if (q.MessageType is not null || q.Exception is not null)
        {
            Say($"  oldest: {q.MessageType ?? "?"}; {q.Exception ?? "no exception recorded"}");
        }
    }

    Say($"{found.Count} error queue(s), {found.Sum(q => q.Messages)} message(s) in all");
    return 0;
}

static async Task<int> RedriveAsync(CrmRun run, string? queue, CancellationToken ct)
{
    await using var queues = new ErrorQueues(run);
    var results = await queues.RedriveAsync(queue, ct);
    foreach (var r in results.Where(r => r.Moved > 0))
    {
        Say($"moved {r.Moved} message(s) from {r.ErrorQueue} to {r.InputQueue}");
    }

    Say($"redrove {results.Sum(r => r.Moved)} message(s) from {results.Count} error queue(s)");
    return 0;
}

static async Task<int> ReconcileAsync(CrmRun run, EventsOptions options, CancellationToken ct)
{
    var password = options.Password
        ?? (File.Exists(options.AdminPasswordFile) ? File.ReadAllText(options.AdminPasswordFile).Trim() : null)
        ?? throw new EventsException($"no --password, no CRM_ADMIN_PASSWORD and no {options.AdminPasswordFile}");
    // A directory of many thousand records takes a while: the services page through their owners.
    using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromMinutes(30) };
    var results = await new DirectoryReconcile(run, http).RunAsync(options.Email, password, ct);
    foreach (var r in results)
    {
        Say(r.Error is null
            ? $"{r.Service} {r.Directory} (from {r.Source}): {r.Checked} checked, {r.Added} added, {r.Updated} updated"
            : $"{r.Service} {r.Directory} (from {r.Source}): FAILED: {r.Error}");
    }

    var failed = results.Count(r => r.Error is not null);
    Say($"{results.Count} directories, {results.Sum(r => r.Added)} row(s) added, {results.Sum(r => r.Updated)} updated, {failed} failed");
    return failed == 0 ? 0 : 1;
}
