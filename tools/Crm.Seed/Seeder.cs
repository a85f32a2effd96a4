using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Crm.Seed.Generators;
using Crm.Seed.Plans;
using Polly.Timeout;

namespace Crm.Seed;

/// <summary>
/// Sends a <see cref="SeedPlan"/> through the public API by object type, a type after the ones whose ids it
/// needs (types independent of each other side by side), each type with bounded parallelism. A record whose request fails is counted and
/// skipped, with the records that hang on it.
/// </summary>
public sealed class Seeder(SeedOptions options, CrmApi api, Action<string> log)
{
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The day the plan's dates are relative to.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<SeedResult> RunAsync(CancellationToken ct)
    {
        log($"logging in as {options.Email} at {options.Url}");
        var admin = await api.LoginAsync(options.Email, options.Password!, ct);
        var sessions = new List<Session> { admin };
        sessions.AddRange(await OwnersAsync(admin, ct));
        var plan = SeedPlanner.Plan(options.Seed, options.Accounts, options.Owners, Today, options.Prefix, options.AccountsOnly);
        var run = new Run(plan, sessions);
        var clock = Stopwatch.StartNew();
        log(string.Create(CultureInfo.InvariantCulture, $"seed {options.Seed}: {Summary(plan)}; {options.Concurrency} at a time, {sessions.Count} owner(s)"));

        var orphans = 0;
        var accounts = PhaseAsync("accounts", plan.Accounts, async (draft, token) =>
        {
            var body = draft.ToBody();
            if (draft.ParentIndex is { } p)
            {
                // Sent in index order, so the parent is created or in flight: no deadlock.
                if (await run.AccountIds[p].Task is { } parentId)
                {
                    body["parent_account_id"] = parentId.DeepClone();
                }
                else
                {
                    Interlocked.Increment(ref orphans);
                }
            }

            try
            {
                run.AccountIds[draft.Index].SetResult(await api.CreateAccountAsync(run.Owner(draft.OwnerSlot), body, $"account #{draft.Index} '{draft.Name}'", token));
            }
            catch
            {
                run.AccountIds[draft.Index].TrySetResult(null);
                throw;
            }
        }, ct);

        // Object types that do not need each other's ids go side by side, each --concurrency at a time.
        var phases = new List<PhaseResult>();
        if (options.AccountsOnly)
        {
            phases.Add(await accounts);
        }
        else
        {
            phases.AddRange(await Task.WhenAll(
                accounts,
                PhaseAsync("products", plan.Products, (product, token) => ProductAsync(run, product, token), ct, concurrency: 1),
                PhaseAsync("leads", plan.Leads, (lead, token) => LeadAsync(run, lead, token), ct)));
            phases.Add(await PhaseAsync("contacts", plan.Contacts, (contact, token) => ContactAsync(run, contact, token), ct));
            phases.AddRange(await Task.WhenAll(
                PhaseAsync("opportunities", plan.Opportunities, (opportunity, token) => OpportunityAsync(run, opportunity, token), ct),
                PhaseAsync("cases", plan.Cases, (item, token) => CaseAsync(run, item, token), ct)));
            var won = plan.Opportunities.Where(o => o.Order is not null || o.Contract is not null).ToList();
            phases.AddRange(await Task.WhenAll(
                PhaseAsync("orders and contracts", won, (opportunity, token) => BillingAsync(run, opportunity, token), ct),
                PhaseAsync("activities", plan.Activities, (activity, token) => ActivityAsync(run, activity, token), ct)));
        }

        clock.Stop();
        var result = new SeedResult(phases.Single(p => p.Name == "accounts").Created, phases.Sum(p => p.Failed), orphans, sessions.Count, clock.Elapsed, phases);
        log(result.ToString());
        return result;
    }

    private static string Summary(SeedPlan plan) => string.Create(
        CultureInfo.InvariantCulture,
        $"{plan.Accounts.Count} accounts, {plan.Contacts.Count} contacts, {plan.Leads.Count} leads, {plan.Products.Count} products, {plan.Opportunities.Count} opportunities, {plan.Activities.Count} activities, {plan.Cases.Count} cases");

    /// <summary>The catalogue is fixed: a product that exists already (an earlier seed) is used again.</summary>
    private async Task ProductAsync(Run run, ProductPlan product, CancellationToken ct)
    {
        var existing = await api.GetAsync(run.Admin, $"api/v1/products?q={Uri.EscapeDataString(product.Name)}&include_inactive=true&page_size=50", $"find product '{product.Name}'", ct);
        var match = existing["items"]?.AsArray().FirstOrDefault(p => p?["name"]?.GetValue<string>() == product.Name && p["is_active"]?.GetValue<bool>() != false);
        run.ProductIds[product.Index] = match?["id"]?.DeepClone()
            ?? (await api.PostAsync(run.Admin, "api/v1/products", product.ToBody(), $"product '{product.Name}'", ct))["id"]!.DeepClone();
    }

    private async Task ContactAsync(Run run, ContactPlan contact, CancellationToken ct)
    {
        var (owner, accountId) = await run.AccountAsync(contact.AccountIndex);
        var label = $"contact '{contact.FirstName} {contact.LastName}'";
        JsonNode created;
        try
        {
            created = await api.PostAsync(owner, "api/v1/contacts", contact.ToBody(accountId), label, ct);
        }
        catch (ApiException ex) when (ex.Status == HttpStatusCode.BadRequest && ex.Problem.Contains("already has this email", StringComparison.Ordinal))
        {
            // An earlier seed with the same seed made this person already: keep the new one without an e-mail.
            var body = contact.ToBody(accountId);
            body.Remove("email");
            created = await api.PostAsync(owner, "api/v1/contacts", body, label, ct);
        }

        run.ContactIds[contact.Index] = created["id"]!.DeepClone();
    }

    private async Task LeadAsync(Run run, LeadPlan lead, CancellationToken ct)
    {
        var owner = run.Owner(lead.OwnerSlot);
        var label = $"lead '{lead.LastName}' at '{lead.Company}'";
        var created = await api.PostAsync(owner, "api/v1/leads", lead.ToBody(), label, ct);
        if (lead.ConvertAs is { } opportunityName)
        {
            await api.PostAsync(owner, $"api/v1/leads/{Id(created)}/convert", new JsonObject { ["opportunity_name"] = opportunityName }, $"convert {label}", ct);
        }
    }

    /// <summary>Created open (Negotiation for a deal to win), given its products and people, then won when planned.</summary>
    private async Task OpportunityAsync(Run run, OpportunityPlan opportunity, CancellationToken ct)
    {
        var (owner, accountId) = await run.AccountAsync(opportunity.AccountIndex);
        var label = $"opportunity '{opportunity.Name}'";
        var id = Id(await api.PostAsync(owner, "api/v1/opportunities", opportunity.ToBody(accountId), label, ct));
        foreach (var line in opportunity.Lines)
        {
            var productId = run.ProductIds[line.ProductIndex] ?? throw new SeedException($"{label}: product #{line.ProductIndex} was not created");
            await api.PostAsync(owner, $"api/v1/opportunities/{id}/line_items", line.ToBody(productId), $"{label} line", ct);
        }

        foreach (var role in opportunity.Roles)
        {
            if (run.ContactIds[role.ContactIndex] is { } contactId)
            {
                await api.PostAsync(owner, $"api/v1/opportunities/{id}/contact_roles", new JsonObject { ["contact_id"] = contactId.DeepClone(), ["role"] = role.Role }, $"{label} role", ct);
            }
        }

        if (opportunity.Stage == OpportunityPlan.ClosedWon)
        {
            var current = await api.GetAsync(owner, $"api/v1/opportunities/{id}", label, ct);
            await api.PutAsync(owner, $"api/v1/opportunities/{id}", new JsonObject { ["stage"] = OpportunityPlan.ClosedWon, ["version"] = current["version"]!.DeepClone() }, $"win {label}", ct);
        }

        run.OpportunityIds[opportunity.Index] = id;
    }

    /// <summary>The order (with its payments and final status) or the retainer contract (with its paid periods) of a won deal.</summary>
    private async Task BillingAsync(Run run, OpportunityPlan opportunity, CancellationToken ct)
    {
        var owner = run.Owner(run.Plan.Accounts[opportunity.AccountIndex].OwnerSlot);
        var id = run.OpportunityIds[opportunity.Index] ?? throw new SeedException($"opportunity '{opportunity.Name}' was not created");
        if (opportunity.Contract is { } contract)
        {
            var created = await api.PostAsync(owner, $"api/v1/opportunities/{id}/generate-contract", contract.ToBody(), $"contract of '{opportunity.Name}'", ct);
            foreach (var payment in contract.Payments)
            {
                await api.PostAsync(owner, $"api/v1/contracts/{Id(created)}/payments", payment.ToBody(contract.PricePerCycle), $"contract payment of '{opportunity.Name}'", ct);
            }

            return;
        }

        var plan = opportunity.Order!;
        var order = await api.PostAsync(owner, $"api/v1/opportunities/{id}/generate-order", new JsonObject(), $"order of '{opportunity.Name}'", ct);
        var orderId = Id(order);
        var total = decimal.Parse(order["total"]!.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture);
        var paid = 0m;
        foreach (var payment in plan.Payments)
        {
            var amount = payment.Share is { } share ? Math.Round(total * share, 2) : total - paid;
            if (amount <= 0)
            {
                continue;
            }

            var logged = await api.PostAsync(owner, $"api/v1/orders/{orderId}/payments", payment.ToBody(amount), $"payment of '{opportunity.Name}'", ct);
            if (payment.VoidAfter)
            {
                await api.PutAsync(owner, $"api/v1/payments/{Id(logged)}", new JsonObject { ["status"] = "Void", ["version"] = logged["version"]!.DeepClone() }, $"void a payment of '{opportunity.Name}'", ct);
            }
            else if (payment.Status == "Completed")
            {
                paid += amount;
            }
        }

        if (plan.FinalStatus is { } status)
        {
            var current = await api.GetAsync(owner, $"api/v1/orders/{orderId}", $"order of '{opportunity.Name}'", ct);
            await api.PutAsync(owner, $"api/v1/orders/{orderId}", new JsonObject { ["status"] = status, ["version"] = current["version"]!.DeepClone() }, $"mark the order of '{opportunity.Name}' {status}", ct);
        }
    }

    private async Task ActivityAsync(Run run, ActivityPlan activity, CancellationToken ct)
    {
        var (owner, accountId) = await run.AccountAsync(activity.AccountIndex);
        var what = activity.OpportunityIndex is { } o
            ? run.OpportunityIds[o] ?? throw new SeedException($"{activity.Subject}: its opportunity was not created")
            : accountId;
        var who = activity.ContactIndex is { } c ? run.ContactIds[c] : null;
        await api.PostAsync(owner, "api/v1/activities", activity.ToBody(owner.UserId, what, who), $"{activity.Type.ToLowerInvariant()} '{activity.Subject}'", ct);
    }

    private async Task CaseAsync(Run run, CasePlan item, CancellationToken ct)
    {
        var (owner, accountId) = await run.AccountAsync(item.AccountIndex);
        var contactId = item.ContactIndex is { } c ? run.ContactIds[c] : null;
        await api.PostAsync(owner, "api/v1/cases", item.ToBody(accountId, contactId), $"case '{item.Subject}'", ct);
    }

    private static string Id(JsonNode created) => created["id"]?.GetValue<string>() ?? throw new SeedException("no id in the answer");

    /// <summary>Sends every item of one type, <c>--concurrency</c> at a time in plan order, reporting progress.</summary>
    private async Task<PhaseResult> PhaseAsync<T>(string name, IReadOnlyList<T> items, Func<T, CancellationToken, Task> send, CancellationToken ct, int? concurrency = null)
    {
        var created = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = ReportProgressAsync(name, () => Volatile.Read(ref created) + Volatile.Read(ref failed), items.Count, clock, stopProgress.Token);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency ?? options.Concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(items, parallel, async (item, token) =>
        {
            try
            {
                await send(item, token);
                Interlocked.Increment(ref created);
            }
            catch (Exception ex) when (ex is SeedException or HttpRequestException or TimeoutRejectedException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref failed) <= 10)
                {
                    log($"failed: {ex.Message}");
                }
            }
        });
        clock.Stop();
        await stopProgress.CancelAsync();
        await progress;
        var result = new PhaseResult(name, items.Count, created, failed, clock.Elapsed);
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
                log($"owner {owner.Email} exists but its password is not the seed's; its records go to {admin.Email}");
                break; // keep the slots contiguous: the remaining slots fall back to the admin
            }

            owners.Add(session);
            log($"owner {owner.FirstName} {owner.LastName} <{owner.Email}> {(isNew ? "created" : "exists")}");
        }

        log($"owners' password: {password}");
        return owners;
    }

    private async Task ReportProgressAsync(string name, Func<int> done, int total, Stopwatch clock, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ProgressInterval, ct);
                var n = done();
                log(string.Create(CultureInfo.InvariantCulture, $"  {name} {n}/{total} ({100.0 * n / Math.Max(1, total):0}%), {n / clock.Elapsed.TotalSeconds:0}/s"));
            }
        }
        catch (OperationCanceledException)
        {
            // done
        }
    }

    /// <summary>The ids made so far, by plan index, and who sends what.</summary>
    private sealed class Run(SeedPlan plan, List<Session> sessions)
    {
        public SeedPlan Plan { get; } = plan;

        public Session Admin { get; } = sessions[0];

        public TaskCompletionSource<JsonNode?>[] AccountIds { get; } = plan.Accounts.Select(_ => new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

        public JsonNode?[] ProductIds { get; } = new JsonNode?[plan.Products.Count];

        public JsonNode?[] ContactIds { get; } = new JsonNode?[plan.Contacts.Count];

        public string?[] OpportunityIds { get; } = new string?[plan.Opportunities.Count];

        /// <summary>A slot whose owner could not be set up falls back to the admin.</summary>
        public Session Owner(int slot) => slot < sessions.Count ? sessions[slot] : Admin;

        /// <summary>The account's owner (who creates what hangs on it) and id; fails when the account was not created.</summary>
        public async Task<(Session Owner, JsonNode Id)> AccountAsync(int index) =>
            (Owner(Plan.Accounts[index].OwnerSlot), await AccountIds[index].Task ?? throw new SeedException($"account #{index} was not created"));
    }
}

/// <summary>How one object type went.</summary>
public sealed record PhaseResult(string Name, int Planned, int Created, int Failed, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Created}/{Planned} in {Elapsed.TotalSeconds:0.0} s{(Failed > 0 ? $", {Failed} failed" : "")}");
}

public sealed record SeedResult(int Created, int Failed, int Orphans, int Owners, TimeSpan Elapsed, IReadOnlyList<PhaseResult> Phases)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"done in {Elapsed.TotalSeconds:0.0} s: {string.Join(", ", Phases.Select(p => $"{p.Created} {p.Name}"))}; {Failed} failed, {Orphans} accounts without their parent (it failed), over {Owners} owner(s)");
}
