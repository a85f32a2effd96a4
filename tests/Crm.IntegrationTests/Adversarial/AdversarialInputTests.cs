using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace Crm.IntegrationTests.Adversarial;

/// <summary>
/// A hostile tester, automated. Every route of every service's OpenAPI document gets, for each path
/// parameter, query parameter and JSON body field, every value of the issue's classes (NUL and control
/// characters, lone surrogates, 1 MB strings, numbers at and past int/long/decimal limits, enums as
/// numbers or unknown names, dates at 0001-01-01 / 9999-12-31 / impossible ones, wrong JSON types, null,
/// unknown fields, bodies over 1 MB) while the rest of the request is valid and names real records.
/// /api/v1 routes go through the gateway as the admin (the caller's own /auth routes as a throwaway
/// user), internal ones straight to the service.
///
/// It asserts: no answer is 5xx (or no answer at all); values no endpoint may take (NUL, lone surrogates,
/// enums as numbers, dates outside 1900-2200, impossible dates, overflowing numbers, malformed or
/// over-limit bodies) are refused; and a refused request (4xx) wrote nothing. For the last, each service's
/// database is fingerprinted before and after every 4xx: per table count(*) and max(xmin), which any
/// committed insert, update or delete changes (<see cref="DatabaseFingerprint"/>). Requests to one
/// service run one at a time, so a change between the two fingerprints is that request's. Left out are
/// the tables event consumers and the outbox dispatcher write in the background whatever the API does
/// (inbox, directories copied from other services, Billing's won_deals, the outbox's sent marks); what
/// the API itself stores lives elsewhere, and the outbox is still watched for new events (its newest id). Finally every GET route is read again with real ids: whatever was stored
/// along the way must not make a record or a list unreadable (the 9999-12-31 all-day event did).
/// The four services run in parallel; the counts are written to the test output.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class AdversarialInputTests(CrmFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Services = ["identity", "sales", "billing", "activities"];

    private const int MaxFailuresShown = 150;

    [Fact]
    public async Task No_input_makes_a_5xx_values_out_of_bounds_are_refused_and_a_refused_request_writes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var world = await AdversarialWorld.CreateAsync(fixture);
        var routes = new Dictionary<string, IReadOnlyList<RouteSpec>>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            var document = await fixture.ServiceClient(service).GetAsync("/openapi/v1.json").OkAsync();
            routes[service] = OpenApiRoutes.Read(service, document);
        }

        output.WriteLine($"Seeded the records in {clock.Elapsed.TotalSeconds:0.0} s.");
        var lanes = await Task.WhenAll(Services.Select(s => RunLaneAsync(s, routes[s], world)));
        var sweep = await SweepAsync(routes.Values.SelectMany(r => r), world);

        var failures = lanes.SelectMany(l => l.Failures).Concat(sweep).ToList();
        foreach (var lane in lanes)
        {
            output.WriteLine($"{lane.Service}: {lane.Routes} routes, {lane.Sent} requests, {lane.Ok} 2xx, {lane.Refused} 4xx, {lane.ServerErrors} 5xx or no answer, {lane.Failures.Count} failures, {lane.Elapsed.TotalSeconds:0.0} s");
        }

        // Not a failure (nothing breaks), but worth knowing: the fields with no length limit.
        output.WriteLine("Took a 1 MB string: " + string.Join("; ", lanes.SelectMany(l => l.BigTextAccepted).DefaultIfEmpty("none")));
        output.WriteLine($"In all: {lanes.Sum(l => l.Sent)} requests, {lanes.Sum(l => l.ServerErrors)} × 5xx, {lanes.Sum(l => l.Refused)} refused with nothing written, {failures.Count} failures, {clock.Elapsed.TotalSeconds:0} s.");
        foreach (var failure in failures.Take(MaxFailuresShown))
        {
            output.WriteLine(failure);
        }

        failures.ShouldBeEmpty($"{failures.Count} failures; the first ones:\n" + string.Join("\n", failures.Take(40)));
    }

    private sealed record LaneResult(string Service, int Routes, int Sent, int Ok, int Refused, int ServerErrors, List<string> Failures, List<string> BigTextAccepted, TimeSpan Elapsed);

    private async Task<LaneResult> RunLaneAsync(string service, IReadOnlyList<RouteSpec> routes, AdversarialWorld world)
    {
        var clock = Stopwatch.StartNew();
        using var gateway = fixture.CreateClient();
        using var direct = fixture.ServiceClient(service);
        await using var database = await DatabaseFingerprint.OpenAsync(fixture.GetConnectionString(service + "db"));
        var failures = new List<string>();
        var bigTextAccepted = new List<string>();
        int sent = 0, ok = 0, refused = 0, serverErrors = 0;
        IReadOnlyList<string>? before = null;
        foreach (var probe in routes.SelectMany(r => ProbeFactory.For(r, world)))
        {
            // A new throwaway user is written before the fingerprint, not counted against the request.
            var token = probe.AsSelf ? (await world.SelfAsync()).Token : world.AdminToken;
            if (probe.AsSelf)
            {
                // SelfAsync may just have made a new user (after a request spent the last one).
                before = null;
            }

            before ??= await database.TakeAsync();
            var (status, body) = await SendAsync(probe.Route.IsPublic ? gateway : direct, probe, world, token);
            sent++;
            if (status is 0 or >= 500)
            {
                serverErrors++;
                failures.Add($"{status}: {probe} → {Excerpt(body)}");
                before = null;
            }
            else if (status >= 400)
            {
                refused++;
                var after = await database.TakeAsync();
                if (DatabaseFingerprint.Changes(before, after) is { Count: > 0 } changes)
                {
                    failures.Add($"{status} but stored: {probe} → {string.Join(", ", changes)}");
                }

                before = after;
            }
            else
            {
                ok++;
                if (probe.Value.MustRefuse)
                {
                    failures.Add($"{status} accepted: {probe} → {Excerpt(body)}");
                }

                if (probe.Value.Text.Length >= AdversarialValues.BigStringLength)
                {
                    bigTextAccepted.Add($"{probe.Route} {probe.Target}");
                }

                world.Track(TryParse(body));
                if (probe.AsSelf && probe.SpendsSelf)
                {
                    world.ForgetSelf();
                }

                before = null;
            }
        }

        return new LaneResult(service, routes.Count, sent, ok, refused, serverErrors, failures, bigTextAccepted, clock.Elapsed);
    }

    /// <summary>A search answers nothing without its text (400 by design), so the sweep asks it something.</summary>
    private static string SweepQuery(RouteSpec route) => route.Template.EndsWith("/search", StringComparison.Ordinal) ? "?q=ab" : "";

    /// <summary>Every GET route again, with real ids and no parameters: nothing stored above may have made a record or list unreadable.</summary>
    private async Task<List<string>> SweepAsync(IEnumerable<RouteSpec> routes, AdversarialWorld world)
    {
        var failures = new List<string>();
        using var gateway = fixture.CreateClient();
        foreach (var route in routes.Where(r => r.Method == "GET"))
        {
            using var client = route.IsPublic ? null : fixture.ServiceClient(route.Service);
            using var request = new HttpRequestMessage(HttpMethod.Get, ProbeFactory.ConcretePath(route, world, null, null) + SweepQuery(route));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.AdminToken);
            using var response = await (client ?? gateway).SendAsync(request);
            if ((int)response.StatusCode != 200)
            {
                failures.Add($"{(int)response.StatusCode} on re-reading {route} after the hostile requests → {Excerpt(await response.Content.ReadAsStringAsync())}");
            }
        }

        return failures;
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, Probe probe, AdversarialWorld world, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Route.Method), probe.Url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (probe.Body is { } body)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body(world)));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(probe.ContentType);
            request.Headers.TransferEncodingChunked = probe.Chunked;
        }

        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException ex) when (probe.Value.Class.Contains("over 1 MB", StringComparison.Ordinal) && ex.InnerException is IOException)
        {
            // Past the limit Kestrel answers 413 and closes the connection without reading the rest; a
            // client still sending may see the reset before the answer. That is a refusal, and the
            // fingerprint still checks that nothing was written.
            return (413, "connection closed while the over-limit body was being sent: " + ex.InnerException.Message);
        }
        catch (HttpRequestException ex)
        {
            return (0, "no answer: " + ex.Message);
        }
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
