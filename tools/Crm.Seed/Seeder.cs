using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Crm.Seed;

/// <summary>Creates the owners, then the accounts with bounded concurrency, parents before their children.</summary>
public sealed class Seeder(SeedOptions options, CrmApi api, Action<string> log)
{
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    public async Task<SeedResult> RunAsync(CancellationToken ct)
    {
        log($"logging in as {options.Email} at {options.Url}");
        var admin = await api.LoginAsync(options.Email, options.Password!, ct);
        var sessions = new List<Session> { admin };
        sessions.AddRange(await OwnersAsync(admin, ct));

        var generator = new AccountGenerator(options.Seed);
        var drafts = generator.Generate(options.Accounts, options.Owners);
        log(string.Create(CultureInfo.InvariantCulture, $"creating {drafts.Count} accounts (seed {options.Seed}, {options.Concurrency} at a time, {sessions.Count} owner(s))"));

        var ids = drafts.Select(_ => new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var created = 0;
        var failed = 0;
        var orphans = 0;
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(options.Concurrency);
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = ReportProgressAsync(() => Volatile.Read(ref created), drafts.Count, clock, stopProgress.Token);

        var tasks = new List<Task>(drafts.Count);
        foreach (var draft in drafts)
        {
            await slots.WaitAsync(ct);
            tasks.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        var body = draft.ToBody();
                        if (draft.ParentIndex is { } p)
                        {
                            // Dispatched in index order, so the parent is created or in flight: no deadlock.
                            if (await ids[p].Task is { } parentId)
                            {
                                body["parent_account_id"] = parentId.DeepClone();
                            }
                            else
                            {
                                Interlocked.Increment(ref orphans);
                            }
                        }

                        // A slot whose owner could not be set up falls back to the admin.
                        var owner = draft.OwnerSlot < sessions.Count ? sessions[draft.OwnerSlot] : admin;
                        ids[draft.Index].SetResult(await api.CreateAccountAsync(owner, body, $"account #{draft.Index} '{draft.Name}'", ct));
                        Interlocked.Increment(ref created);
                    }
                    catch (Exception ex) when (ex is SeedException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                    {
                        ids[draft.Index].TrySetResult(null);
                        if (Interlocked.Increment(ref failed) <= 10)
                        {
                            log($"failed: {ex.Message}");
                        }
                    }
                    finally
                    {
                        slots.Release();
                    }
                },
                ct));
        }

        await Task.WhenAll(tasks);
        clock.Stop();
        await stopProgress.CancelAsync();
        await progress;

        var result = new SeedResult(created, failed, orphans, sessions.Count, clock.Elapsed);
        log(result.ToString());
        return result;
    }

    private async Task<List<Session>> OwnersAsync(Session admin, CancellationToken ct)
    {
        var owners = new List<Session>();
        if (options.Owners == 0)
        {
            return owners;
        }

        var password = options.EffectiveOwnerPassword;
        foreach (var owner in new AccountGenerator(options.Seed).Owners(options.Owners))
        {
            var isNew = await api.CreateUserAsync(admin, owner, password, ct);
            var session = new Session(owner.Email, password);
            try
            {
                await session.RefreshAsync(api, null, ct);
            }
            catch (SeedException)
            {
                log($"owner {owner.Email} exists but its password is not the seed's; its accounts go to {admin.Email}");
                break; // keep the slots contiguous: the remaining slots fall back to the admin
            }

            owners.Add(session);
            log($"owner {owner.FirstName} {owner.LastName} <{owner.Email}> {(isNew ? "created" : "exists")}");
        }

        log($"owners' password: {password}");
        return owners;
    }

    private async Task ReportProgressAsync(Func<int> done, int total, Stopwatch clock, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ProgressInterval, ct);
                var n = done();
                log(string.Create(CultureInfo.InvariantCulture, $"  {n,7}/{total} accounts ({100.0 * n / Math.Max(1, total):0}%), {n / clock.Elapsed.TotalSeconds:0} accounts/s"));
            }
        }
        catch (OperationCanceledException)
        {
            // done
        }
    }
}

public sealed record SeedResult(int Created, int Failed, int Orphans, int Owners, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"created {Created} accounts in {Elapsed.TotalSeconds:0.0} s ({Created / Math.Max(0.001, Elapsed.TotalSeconds):0} accounts/s), {Failed} failed, {Orphans} without their parent (it failed), over {Owners} owner(s)");
}
