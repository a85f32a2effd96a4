using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// <c>Idempotency-Key</c> on every creating or acting POST: a retry with the same key and body gets the
/// first answer without the work being done again; the key, the work and the answer commit together.
/// </summary>
public sealed class IdempotencyTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private const string KeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Every POST of the auth session itself; all other POSTs create or act.</summary>
    private static readonly HashSet<string> SessionCalls = new(StringComparer.Ordinal)
    {
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        // Anonymous (a link's token or an e-mail address is all they carry): keys belong to a signed-in user.
        "/api/v1/auth/set-password",
        "/api/v1/auth/forgot-password",
        // Their answers hold the authenticator key and the recovery codes, which an idempotency record would keep in
        // plain text for a day; a repeat is safe anyway (a new pending key; a replayed code is refused as reused).
        "/api/v1/auth/mfa/setup",
        "/api/v1/auth/mfa/enable",
        "/api/v1/auth/mfa/disable",
        // Internal and idempotent by nature: a rerun changes nothing. It commits page by page, which one
        // request-wide transaction would undo.
        "/internal/v1/directory/reconcile",
    };

    public static TheoryData<string> Services => new() { "identity", "sales", "billing", "activities" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_creating_or_acting_POST_accepts_an_idempotency_key(string service)
    {
        var document = await (await fixture.ServiceClient(service).GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var posts = document["paths"]!.AsObject()
            .Where(p => p.Value!["post"] is not null && !SessionCalls.Contains(p.Key))
            .ToList();
        posts.ShouldNotBeEmpty();

        var missing = posts
            .Where(p => !(p.Value!["post"]!["parameters"]?.AsArray() ?? []).Any(a => a!["in"]?.GetValue<string>() == "header" && a["name"]?.GetValue<string>() == KeyHeader))
            .Select(p => $"POST {p.Key}")
            .ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_replay_answers_the_first_status_body_and_location_and_creates_nothing()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var name = Json.Unique("Replayed Co");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, "/api/v1/accounts", new { name }, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        first.Headers.Contains(ReplayedHeader).ShouldBeFalse();
        var firstBody = await first.Content.ReadAsStringAsync();

        var again = await PostAsync(client, "/api/v1/accounts", new { name }, key);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues(ReplayedHeader).ShouldBe(["true"]);
        (await again.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");

        (await CountAsync("salesdb", "SELECT count(*) FROM accounts WHERE name = @v", name)).ShouldBe(1);
        var id = JsonNode.Parse(firstBody)!.Str("id");
        (await CountAsync("salesdb", "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%AccountCreated' AND payload->'account'->>'accountId' = @v", id)).ShouldBe(1);

        // Without a key nothing changes: the same body creates a second account.
        (await client.PostJsonAsync("/api/v1/accounts", new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CountAsync("salesdb", "SELECT count(*) FROM accounts WHERE name = @v", name)).ShouldBe(2);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_with_422_and_does_nothing()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var name = Json.Unique("Keyed Co");
        var other = Json.Unique("Other Co");
        var key = Guid.NewGuid().ToString();
        (await PostAsync(client, "/api/v1/accounts", new { name }, key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var differentBody = await PostAsync(client, "/api/v1/accounts", new { name = other }, key);
        differentBody.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        differentBody.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await differentBody.ReadJsonAsync()).Str("detail").ShouldContain("POST /api/v1/accounts");

        var differentRoute = await PostAsync(client, "/api/v1/leads", new { last_name = "Keyed", company = other }, key);
        differentRoute.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        (await CountAsync("salesdb", "SELECT count(*) FROM accounts WHERE name = @v", other)).ShouldBe(0);
        (await CountAsync("salesdb", "SELECT count(*) FROM leads WHERE company = @v", other)).ShouldBe(0);
    }

    [Fact]
    public async Task Keys_belong_to_one_user()
    {
        var alice = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var bob = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var name = Json.Unique("Shared Key Co");
        var key = Guid.NewGuid().ToString();

        var fromAlice = await PostAsync(alice, "/api/v1/accounts", new { name }, key);
        var fromBob = await PostAsync(bob, "/api/v1/accounts", new { name }, key);

        fromAlice.StatusCode.ShouldBe(HttpStatusCode.Created);
        fromBob.StatusCode.ShouldBe(HttpStatusCode.Created);
        fromBob.Headers.Contains(ReplayedHeader).ShouldBeFalse();
        (await fromBob.ReadJsonAsync()).Str("id").ShouldNotBe((await fromAlice.ReadJsonAsync()).Str("id"));
        (await CountAsync("salesdb", "SELECT count(*) FROM accounts WHERE name = @v", name)).ShouldBe(2);

        // Bob's other body under the same key is his own business: 422 for him, Alice's key untouched.
        (await PostAsync(bob, "/api/v1/accounts", new { name = name + "x" }, key)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await PostAsync(alice, "/api/v1/accounts", new { name }, key)).Headers.GetValues(ReplayedHeader).ShouldBe(["true"]);
    }

    [Fact]
    public async Task Concurrent_duplicates_with_one_key_make_one_record()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var name = Json.Unique("Racing Co");
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(client, "/api/v1/accounts", new { name }, key)));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
        var ids = await Task.WhenAll(answers.Select(async a => (await a.ReadJsonAsync()).Str("id")));
        ids.Distinct().Count().ShouldBe(1);
        answers.Count(a => a.Headers.Contains(ReplayedHeader)).ShouldBe(7);
        (await CountAsync("salesdb", "SELECT count(*) FROM accounts WHERE name = @v", name)).ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_attempt_keeps_nothing_and_may_be_retried_with_the_same_key()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var url = $"/api/v1/orders/{order.Str("id")}/payments";
        var key = Guid.NewGuid().ToString();
        var payment = new { amount = "100.00", payment_date = "2026-03-01", payment_method = "Cash", transaction_id = key };

        // Fails after the payment row was written: the whole transaction, key included, is undone.
        var failed = await PostAsync(deal.Client, url, payment, key, ("X-Test-Fail-At", "payment"));
        failed.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await PaymentsWithAsync(key)).ShouldBe(0);
        (await CountAsync("billingdb", "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = @v", key)).ShouldBe(0);

        // Refused (400) answers are not kept either.
        (await PostAsync(deal.Client, url, new { amount = "-1", payment_date = "2026-03-01", payment_method = "Cash" }, key)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var retried = await PostAsync(deal.Client, url, payment, key);
        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
        retried.Headers.Contains(ReplayedHeader).ShouldBeFalse();
        (await PaymentsWithAsync(key)).ShouldBe(1);
    }

    [Fact]
    public async Task An_answer_lost_after_the_commit_is_replayed_not_paid_again()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var url = $"/api/v1/orders/{order.Str("id")}/payments";
        var key = Guid.NewGuid().ToString();
        var payment = new { amount = "250.00", payment_date = "2026-03-01", payment_method = "Bank Transfer", transaction_id = key };

        // The service commits, then the connection drops before the answer (as when it is killed): 502.
        var lost = await PostAsync(deal.Client, url, payment, key, ("X-Test-Fail-At", "idempotency-after-commit"));
        lost.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await PaymentsWithAsync(key)).ShouldBe(1);

        var retried = await PostAsync(deal.Client, url, payment, key);
        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
        retried.Headers.GetValues(ReplayedHeader).ShouldBe(["true"]);
        (await retried.ReadJsonAsync()).Str("amount").ShouldBe("250.00");
        (await PaymentsWithAsync(key)).ShouldBe(1);
        (await deal.Client.GetAsync($"/api/v1/orders/{order.Str("id")}").OkAsync()).Str("total_paid").ShouldBe("250.00");
    }

    [Fact]
    public async Task Actions_that_run_their_own_transaction_replay_too()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var generate = $"/api/v1/opportunities/{deal.Opportunity.Str("id")}/generate-order";
        await BillingDeals.WaitForWonDealAsync(fixture, deal.Opportunity.Str("id"), deal.Version);
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(deal.Client, generate, new { }, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var again = await PostAsync(deal.Client, generate, new { }, key);
        // Without the key this would be 409 "already generated"; with it, the first answer.
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.ReadJsonAsync()).Str("id").ShouldBe((await first.ReadJsonAsync()).Str("id"));
        (await PostAsync(deal.Client, generate, new { }, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var client = deal.Client;
        var lead = await client.PostJsonAsync("/api/v1/leads", new { last_name = "Keyed", company = Json.Unique("Convert Co"), status = "Qualified" }).CreatedAsync();
        var convertKey = Guid.NewGuid().ToString();
        var converted = await PostAsync(client, $"/api/v1/leads/{lead.Str("id")}/convert", new { opportunity_name = "Keyed deal" }, convertKey);
        converted.StatusCode.ShouldBe(HttpStatusCode.OK, await converted.Content.ReadAsStringAsync());
        var replay = await PostAsync(client, $"/api/v1/leads/{lead.Str("id")}/convert", new { opportunity_name = "Keyed deal" }, convertKey);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(await converted.Content.ReadAsStringAsync());
        (await CountAsync("salesdb", "SELECT count(*) FROM opportunities WHERE name = 'Keyed deal' AND account_id = (SELECT converted_account_id FROM leads WHERE id::text = @v)", lead.Str("id"))).ShouldBe(1);
    }

    [Fact]
    public async Task Identity_honours_keys_for_the_users_it_creates()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var email = $"{Guid.NewGuid():N}@agency.test";
        var key = Guid.NewGuid().ToString();
        var body = new { first_name = "Keyed", last_name = "User", email, role = "User" };

        var first = await PostAsync(admin, "/api/v1/admin/users", body, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await PostAsync(admin, "/api/v1/admin/users", body, key);
        // Without the key the second call is a 400 "email already exists"; with it, the first answer.
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await CountAsync("identitydb", "SELECT count(*) FROM users WHERE email = @v", email)).ShouldBe(1);
    }

    [Fact]
    public async Task A_malformed_key_is_refused_before_anything_is_done()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var name = Json.Unique("Bad Key Co");

        foreach (var key in new[] { new string('k', 256), "two words" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts") { Content = JsonContent.Create(new { name }) };
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, key);
            (await response.ReadJsonAsync()).ErrorsFor(KeyHeader).ShouldNotBeEmpty();
        }

        (await CountAsync("salesdb", "SELECT count(*) FROM accounts WHERE name = @v", name)).ShouldBe(0);
    }

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string key, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(KeyHeader, key);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private Task<long> PaymentsWithAsync(string transactionId) =>
        CountAsync("billingdb", "SELECT count(*) FROM payments WHERE transaction_id = @v", transactionId);

    private async Task<long> CountAsync(string database, string sql, string value)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString(database));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("v", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
