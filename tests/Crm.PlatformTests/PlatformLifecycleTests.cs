using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Crm.PlatformTests;

/// <summary>
/// The checks people used to do by hand on <c>./crm run</c>, on the real AppHost process with its dashboard, in the
/// fewest starts: start 1 (fresh data dir) for the dashboard, the telemetry API and traces, then SIGTERM under load;
/// start 2 on the same data dir (PostgreSQL clean, the same generated key) ended by SIGKILL; start 3 with
/// CRM_DASHBOARD_API_KEY. The steps share the run, so they go in order.
/// </summary>
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class PlatformLifecycleTests(PlatformRun run, ITestOutputHelper output) : IClassFixture<PlatformRun>
{
    private static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(60);

    [Fact, Step(1)]
    public async Task The_dashboard_login_link_signs_the_browser_in_and_nothing_else_does()
    {
        var links = run.FirstLinks;
        links.Dashboard.Port.ShouldBe(run.DashboardPort);
        links.App.Port.ShouldBe(run.HttpPort);

        var (signedIn, cookies) = await DashboardBrowserAsync(links.DashboardLogin);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Found);
        cookies.Count.ShouldBe(1, "the login link sets the dashboard's auth cookie");
        cookies[0].Name.ShouldStartWith(".Aspire.Dashboard.Auth");
        var home = await GetWithCookiesAsync(links.Dashboard, "/", cookies);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        home.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");

        var (wrong, wrongCookies) = await DashboardBrowserAsync(new Uri(links.Dashboard, "/login?t=" + new string('0', links.Token.Length)));
        wrongCookies.ShouldBeEmpty();
        wrong.Headers.Location?.OriginalString.ShouldNotBe("/");
        var anonymous = await GetWithCookiesAsync(links.Dashboard, "/", []);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Found);
        anonymous.Headers.Location!.AbsolutePath.ShouldBe("/login");
    }

    [Fact, Step(2)]
    public async Task The_telemetry_api_answers_only_the_key_generated_under_the_data_dir()
    {
        var links = run.FirstLinks;
        links.ApiKey.ShouldBe(File.ReadAllText(run.GeneratedApiKeyFile).Trim());
        using var api = new TelemetryApi(links.Dashboard, links.ApiKey);

        (await api.StatusWithKeyAsync("/api/telemetry/resources", null)).ShouldBe(HttpStatusCode.Unauthorized);
        (await api.StatusWithKeyAsync("/api/telemetry/resources", "not-" + links.ApiKey)).ShouldBe(HttpStatusCode.Unauthorized);
        (await api.StatusWithKeyAsync("/api/telemetry/traces", null)).ShouldBe(HttpStatusCode.Unauthorized);
        (await api.StatusWithKeyAsync("/api/telemetry/resources", links.ApiKey)).ShouldBe(HttpStatusCode.OK);
        (await api.StatusWithKeyAsync("/api/telemetry/traces?limit=1", links.ApiKey)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact, Step(3)]
    public async Task A_gateway_request_is_one_trace_through_sales_down_to_its_sql()
    {
        using var session = await CrmSession.SignInAsync(run.FirstLinks.App, PlatformRun.AdminEmail, PlatformRun.AdminPassword);
        var (traceId, callerSpan, traceParent) = CrmSession.NewTraceParent();
        await session.SendAsync(HttpMethod.Get, "/api/v1/accounts", null, HttpStatusCode.OK, traceParent);

        using var api = new TelemetryApi(run.FirstLinks.Dashboard, run.FirstLinks.ApiKey);
        var spans = await api.WaitForTraceAsync(traceId, s => SalesSql(s) is not null && new TraceTree(s).IsConnected(callerSpan), TraceTimeout);

        var trace = new TraceTree(spans);
        trace.ShouldBeOneTree(traceId, callerSpan);
        var gateway = trace.Single(s => s.Service == "gateway" && s.Kind == SpanKind.Server);
        gateway.ParentSpanId.ShouldBe(callerSpan);
        var sales = trace.Single(s => s.Service == "sales" && s.Kind == SpanKind.Server);
        trace.Parent(sales).ShouldNotBeNull().ShouldSatisfyAllConditions(
            p => p.Service.ShouldBe("gateway"),
            p => p.Kind.ShouldBe(SpanKind.Client));
        trace.IsBelow(sales, gateway).ShouldBeTrue();
        var sql = SalesSql(spans)!;
        trace.IsBelow(sql, sales).ShouldBeTrue();
        sql.Attribute("db.query.text").ShouldNotBeNull().ShouldContain("ORDER BY");
    }

    [Fact, Step(4)]
    public async Task A_deal_closed_won_is_one_trace_from_sales_through_rabbitmq_to_billings_consumer()
    {
        using var session = await CrmSession.SignInAsync(run.FirstLinks.App, PlatformRun.AdminEmail, PlatformRun.AdminPassword);
        var product = await session.SendAsync(HttpMethod.Post, "/api/v1/products", new { name = "Build " + Guid.NewGuid().ToString("N")[..8], standard_list_price = 4500 }, HttpStatusCode.Created);
        var account = await session.SendAsync(HttpMethod.Post, "/api/v1/accounts", new { name = "Traced Co " + Guid.NewGuid().ToString("N")[..8] }, HttpStatusCode.Created);
        var deal = await session.SendAsync(HttpMethod.Post, "/api/v1/opportunities", new { name = "Website", stage = "Negotiation", account_id = (string)account["id"]! }, HttpStatusCode.Created);
        var id = (string)deal["id"]!;
        var withLine = await session.SendAsync(HttpMethod.Post, $"/api/v1/opportunities/{id}/line_items", new { product_id = (string)product["id"]!, quantity = 1 }, HttpStatusCode.Created);

        var (traceId, callerSpan, traceParent) = CrmSession.NewTraceParent();
        var won = await session.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{id}", new { stage = "Closed Won", version = (int)withLine["version"]! }, HttpStatusCode.OK, traceParent);
        ((string)won["stage"]!).ShouldBe("Closed Won");

        using var api = new TelemetryApi(run.FirstLinks.Dashboard, run.FirstLinks.ApiKey);
        var spans = await api.WaitForTraceAsync(traceId, s => WonDealInsert(s) is not null && new TraceTree(s).IsConnected(callerSpan), TraceTimeout);

        var trace = new TraceTree(spans);
        trace.ShouldBeOneTree(traceId, callerSpan);
        var put = trace.Single(s => s.Service == "sales" && s.Kind == SpanKind.Server);
        var send = trace.Single(s => s.Service == "sales" && s.Scope == "MassTransit" && s.Kind == SpanKind.Producer
            && s.Attribute("messaging.destination.name")?.EndsWith(":OpportunityClosedWon", StringComparison.Ordinal) == true);
        send.Attribute("messaging.system").ShouldBe("rabbitmq");
        trace.IsBelow(send, put).ShouldBeTrue("the outbox publish continues the request's trace");
        var receive = trace.Single(s => s.Service == "billing" && s.Scope == "MassTransit" && s.Kind == SpanKind.Consumer && s.Name.EndsWith(" receive", StringComparison.Ordinal));
        receive.ParentSpanId.ShouldBe(send.SpanId);
        var consume = trace.Single(s => s.Service == "billing" && s.Attribute("messaging.masstransit.consumer_type") == "Crm.Billing.IntegrationEvents.WonDealConsumer");
        trace.IsBelow(consume, receive).ShouldBeTrue();
        trace.IsBelow(WonDealInsert(spans)!, consume).ShouldBeTrue("the consumer's SQL records the won deal");
    }

    [Fact, Step(5)]
    public async Task Redeploying_sales_replaces_both_replicas_while_10_clients_read_and_write_without_a_failure()
    {
        var before = SalesReplicas();
        before.Count.ShouldBe(2, string.Join('\n', before));
        using var session = await CrmSession.SignInAsync(run.FirstLinks.App, PlatformRun.AdminEmail, PlatformRun.AdminPassword);
        var load = new AccountWriteLoad(session, "Rolled " + Guid.NewGuid().ToString("N")[..8]);
        var clients = load.Start(10);
        await load.WaitForRequestsAsync(50);

        var (exitCode, redeploy) = await run.CrmAsync("redeploy", "sales");
        output.WriteLine(redeploy);
        // A little more traffic on the new replicas, then the clients stop.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await load.StopAsync(clients);
        output.WriteLine($"{load.Requests} requests, {load.Failures.Count} failed, {load.Written.Count} accounts created and renamed");

        exitCode.ShouldBe(0, redeploy);
        load.Failures.ShouldBeEmpty(string.Join('\n', load.Failures.Take(10)));
        load.Written.Count.ShouldBeGreaterThan(20, "the clients wrote all through the redeploy");
        // Nothing lost: every account holds its last acknowledged write and version; nothing applied twice: one
        // account per create, however often the gateway resent it.
        foreach (var (id, written) in load.Written)
        {
            var account = await session.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, HttpStatusCode.OK);
            ((string)account["name"]!).ShouldBe(written.Name);
            ((int)account["version"]!).ShouldBe(written.Version);
        }

        var listed = await session.SendAsync(HttpMethod.Get, $"/api/v1/accounts?q={Uri.EscapeDataString(load.Prefix)}&page_size=1", null, HttpStatusCode.OK);
        ((int)listed["total"]!).ShouldBe(load.Written.Count);

        var after = SalesReplicas();
        after.Count.ShouldBe(2, string.Join('\n', after));
        after.ShouldAllBe(p => !before.Contains(p), "both replicas are new processes");
        after.Select(p => ExecutableOf(p.Pid)).ShouldAllBe(exe => exe.StartsWith(Path.Combine(run.DataDir, "releases", "sales") + "/", StringComparison.Ordinal));
    }

    [Fact, Step(6)]
    public async Task Sigterm_while_clients_call_the_gateway_ends_every_process_within_20_s_and_postgres_cleanly()
    {
        using var session = await CrmSession.SignInAsync(run.FirstLinks.App, PlatformRun.AdminEmail, PlatformRun.AdminPassword);
        using var clients = new CancellationTokenSource();
        var answered = 0;
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!clients.IsCancellationRequested)
            {
                try
                {
                    using var response = await session.GetAsync("/api/v1/accounts?limit=20", clients.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref answered);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    // The gateway going away mid-request is what this test does; a refused connection is retried
                    // at a person's pace, not in a loop that would take the cores the shutdown needs.
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        })).ToList();
        while (Volatile.Read(ref answered) < 8)
        {
            await Task.Delay(50);
        }

        var processes = run.Processes();
        run.PostgresDataDir = RunProcesses.PostgresDataDir(processes);
        var stopwatch = Stopwatch.StartNew();
        run.Current.Terminate();
        TimeSpan gone;
        try
        {
            gone = await run.WaitUntilGoneAsync(processes, stopwatch, TimeSpan.FromSeconds(60), output.WriteLine);
        }
        finally
        {
            await clients.CancelAsync();
            await Task.WhenAll(load);
        }

        output.WriteLine($"SIGTERM with 4 clients calling: {processes.Count} processes gone in {gone.TotalSeconds:F1} s ({answered} answers before and during)");
        var control = PostgresControl.Read(run.PostgresDataDir);
        this.ShouldSatisfyAllConditions(
            () => gone.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(20)),
            () => control.IsCleanShutdown.ShouldBeTrue($"pg_controldata says {control}"));
    }

    [Fact, Step(7)]
    public async Task A_restart_on_the_same_data_dir_starts_postgres_without_recovery_and_keeps_the_link_and_key()
    {
        var before = PostgresControl.Read(run.PostgresDataDir.ShouldNotBeNull("step 6 found the cluster"));
        before.IsCleanShutdown.ShouldBeTrue($"nothing to replay at the next start: {before}");

        await run.StartAsync();

        // The dashboard is up long before the services: the kept key and login link are checked there.
        using var api = new TelemetryApi(run.FirstLinks.Dashboard, run.FirstLinks.ApiKey);
        await api.WaitUntilServingAsync(PlatformRun.StartTimeout, () => run.Current.HasExited);
        var (signedIn, cookies) = await DashboardBrowserAsync(run.FirstLinks.DashboardLogin);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Found);
        cookies.ShouldHaveSingleItem().Name.ShouldStartWith(".Aspire.Dashboard.Auth");
    }

    [Fact, Step(8)]
    public async Task After_a_sigkill_of_the_apphost_nothing_of_its_run_is_left_within_90_s()
    {
        run.Current.HasExited.ShouldBeFalse("step 7 left the second start running");
        // Killed once the services run too (they start when PostgreSQL and Redis are healthy), not before.
        var processes = await run.WaitForProcessesAsync(ps => ps.Any(p => p.CommandLine.EndsWith("/Crm.Sales", StringComparison.Ordinal)), PlatformRun.StartTimeout);
        processes.ShouldContain(p => p.CommandLine.Contains("dcp", StringComparison.Ordinal));
        processes.Count.ShouldBeGreaterThan(10, string.Join('\n', processes));

        var stopwatch = Stopwatch.StartNew();
        run.Current.Kill();
        var gone = await run.WaitUntilGoneAsync(processes, stopwatch, TimeSpan.FromSeconds(90), output.WriteLine);
        output.WriteLine($"SIGKILL: {processes.Count} processes gone in {gone.TotalSeconds:F1} s");
    }

    [Fact, Step(9)]
    public async Task CRM_DASHBOARD_API_KEY_replaces_the_generated_key()
    {
        var key = "platform-test-" + Guid.NewGuid().ToString("N");
        var generated = File.ReadAllText(run.GeneratedApiKeyFile).Trim();
        await run.StartAsync(dashboardApiKey: key);
        using var api = new TelemetryApi(new Uri($"http://localhost:{run.DashboardPort}"), key);
        try
        {
            await api.WaitUntilServingAsync(PlatformRun.StartTimeout, () => run.Current.HasExited);
            (await api.StatusWithKeyAsync("/api/telemetry/resources", generated)).ShouldBe(HttpStatusCode.Unauthorized);
            (await api.StatusWithKeyAsync("/api/telemetry/resources", null)).ShouldBe(HttpStatusCode.Unauthorized);
            File.ReadAllText(run.GeneratedApiKeyFile).Trim().ShouldBe(generated, "the kept key is left as it was");
        }
        finally
        {
            var processes = run.Processes();
            run.Current.Terminate();
            await run.WaitUntilGoneAsync(processes, Stopwatch.StartNew(), TimeSpan.FromSeconds(90));
        }
    }

    private List<RunProcess> SalesReplicas() =>
        run.Processes().Where(p => p.CommandLine.EndsWith("/Crm.Sales", StringComparison.Ordinal)).ToList();

    /// <summary>The program a process runs, links resolved: the build it was started from.</summary>
    private static string ExecutableOf(int pid) => new FileInfo($"/proc/{pid}/exe").LinkTarget ?? "";

    // The list reads the count generation before its page, so the span sought is the one that reads the page.
    private static Span? SalesSql(IReadOnlyList<Span> spans) =>
        spans.FirstOrDefault(s => s.Service == "sales" && s.Scope == "Npgsql" && s.Attribute("db.system.name") == "postgresql"
            && s.Attribute("db.query.text") is { } text && text.Contains("FROM accounts", StringComparison.Ordinal) && text.Contains("LIMIT", StringComparison.Ordinal));

    private static Span? WonDealInsert(IReadOnlyList<Span> spans) =>
        spans.FirstOrDefault(s => s.Service == "billing" && s.Scope == "Npgsql"
            && s.Attribute("db.query.text")?.StartsWith("INSERT INTO won_deals", StringComparison.Ordinal) == true);

    /// <summary>Opens a dashboard URL without following the redirect; returns the answer and the cookies it set.</summary>
    private static async Task<(HttpResponseMessage Response, List<Cookie> Cookies)> DashboardBrowserAsync(Uri url)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false });
        var response = await http.GetAsync(url);
        return (response, jar.GetAllCookies().ToList());
    }

    private static async Task<HttpResponseMessage> GetWithCookiesAsync(Uri dashboard, string path, List<Cookie> cookies)
    {
        var jar = new CookieContainer();
        cookies.ForEach(jar.Add);
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = dashboard };
        return await http.GetAsync(path);
    }
}
