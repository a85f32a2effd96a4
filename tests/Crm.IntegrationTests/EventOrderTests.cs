using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// Replicas' outbox dispatchers publish concurrently, so one record's events may arrive out of order.
/// Every consumer compares versions instead of relying on order: here an older copy of each kind of event
/// is published (through the owner's own outbox) after the newer one was applied, and the newer one stays.
/// </summary>
public sealed class EventOrderTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private const string StaleName = "Stale copy";

    [Fact]
    public async Task An_older_UserUpdated_after_a_newer_one_changes_no_users_directory()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        await admin.PutJsonAsync($"/api/v1/admin/users/{user.Id}", new { last_name = "Current", version = 1 }).OkAsync();
        string[] copies = ["salesdb", "billingdb", "activitiesdb"];
        foreach (var db in copies)
        {
            await WaitForVersionAsync(db, "SELECT coalesce(max(version), 0) FROM directory_users WHERE id = @id", user.Id, 2);
        }

        var stale = await RepublishOlderAsync("identitydb", "UserUpdated", "userId", user.Id, "version", "lastName");

        foreach (var db in copies)
        {
            await WaitForInboxAsync(db, stale);
            (await fixture.ScalarAsync<int>(db, "SELECT version FROM directory_users WHERE id = @id", new { id = user.Id })).ShouldBe(2);
            (await fixture.ScalarAsync<string>(db, "SELECT last_name FROM directory_users WHERE id = @id", new { id = user.Id })).ShouldBe("Current");
        }
    }

    [Fact]
    public async Task Older_account_contact_lead_and_opportunity_events_after_newer_ones_change_no_directory()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        var lead = await client.PostJsonAsync("/api/v1/leads", new { first_name = "Lee", last_name = Json.Unique("Order"), company = "Sequence Ltd", status = "New" }).CreatedAsync();
        var account = await client.PutJsonAsync($"/api/v1/accounts/{world.AccountId}", new { name = Json.Unique("Current Co"), version = world.Account.Int("version") }).OkAsync();
        var contact = await client.PutJsonAsync($"/api/v1/contacts/{world.ContactId}", new { last_name = Json.Unique("Current"), version = world.Contact.Int("version") }).OkAsync();
        var opportunity = await client.PutJsonAsync($"/api/v1/opportunities/{world.OpportunityId}", new { name = Json.Unique("Current deal"), version = world.Opportunity.Int("version") }).OkAsync();
        lead = await client.PutJsonAsync($"/api/v1/leads/{lead.Str("id")}", new { last_name = Json.Unique("Current"), version = lead.Int("version") }).OkAsync();

        (string Type, string Event, string Key, System.Text.Json.Nodes.JsonNode Current, string Name, string[] Copies)[] kinds =
        [
            ("Account", "AccountUpdated", "account", account, account.Str("name"), ["activitiesdb", "billingdb"]),
            ("Contact", "ContactUpdated", "contact", contact, $"{contact.Str("first_name")} {contact.Str("last_name")}", ["activitiesdb"]),
            ("Opportunity", "OpportunityUpdated", "opportunity", opportunity, opportunity.Str("name"), ["activitiesdb"]),
            ("Lead", "LeadUpdated", "lead", lead, $"{lead.Str("first_name")} {lead.Str("last_name")}", ["activitiesdb"]),
        ];
        foreach (var kind in kinds)
        {
            var id = Guid.Parse(kind.Current.Str("id"));
            foreach (var db in kind.Copies)
            {
                await WaitForVersionAsync(db, $"SELECT coalesce(max(version), 0) FROM directory_records WHERE record_type = '{kind.Type}' AND id = @id", id, kind.Current.Int("version"));
            }

            var stale = await RepublishOlderAsync("salesdb", kind.Event, $"{kind.Key},{kind.Key}Id", id, $"{kind.Key},version", $"{kind.Key},name");
            foreach (var db in kind.Copies)
            {
                await WaitForInboxAsync(db, stale);
                (await fixture.ScalarAsync<int>(db, "SELECT version FROM directory_records WHERE id = @id", new { id })).ShouldBe(kind.Current.Int("version"), $"{kind.Type} in {db}");
                (await fixture.ScalarAsync<string>(db, "SELECT name FROM directory_records WHERE id = @id", new { id })).ShouldBe(kind.Name, $"{kind.Type} in {db}");
            }
        }
    }

    [Fact]
    public async Task An_older_OrderStatusChanged_after_a_newer_one_changes_no_order_directory()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var id = Guid.Parse(order.Str("id"));
        var current = (await deal.Client.PutJsonAsync($"/api/v1/orders/{id}", new { status = "Fulfilled", version = order.Int("version") }).OkAsync()).Int("version");
        await WaitForVersionAsync("activitiesdb", "SELECT coalesce(max(version), 0) FROM directory_records WHERE record_type = 'Order' AND id = @id", id, current);

        var stale = await RepublishOlderAsync("billingdb", "OrderStatusChanged", "order,orderId", id, "order,version", "order,orderNumber");

        await WaitForInboxAsync("activitiesdb", stale);
        (await fixture.ScalarAsync<int>("activitiesdb", "SELECT version FROM directory_records WHERE id = @id", new { id })).ShouldBe(current);
        (await fixture.ScalarAsync<string>("activitiesdb", "SELECT name FROM directory_records WHERE id = @id", new { id })).ShouldBe(order.Str("order_number"));
    }

    [Fact]
    public async Task A_Closed_Won_delivered_again_after_the_deal_was_reopened_does_not_reopen_it_for_ordering()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var id = Guid.Parse(deal.Opportunity.Str("id"));
        await BillingDeals.WaitForWonDealAsync(fixture, deal.Opportunity.Str("id"), deal.Version);
        var reopened = await deal.Client.PutJsonAsync($"/api/v1/opportunities/{id}", new { stage = "Negotiation", version = deal.Version }).OkAsync();
        await BillingDeals.WaitForWonDealAsync(fixture, deal.Opportunity.Str("id"), reopened.Int("version"));

        // The Closed Won event itself, as a slow replica's dispatcher might publish it late.
        var late = await RepublishOlderAsync("salesdb", "OpportunityClosedWon", "opportunity,opportunityId", id, "opportunity,version", null, versionsBack: 0);

        await WaitForInboxAsync("billingdb", late);
        (await fixture.ScalarAsync<int>("billingdb", "SELECT version FROM won_deals WHERE opportunity_id = @id", new { id })).ShouldBe(reopened.Int("version"));
        (await fixture.ScalarAsync<bool>("billingdb", "SELECT is_open FROM won_deals WHERE opportunity_id = @id", new { id })).ShouldBeFalse();
        (await deal.Client.PostAsync($"/api/v1/opportunities/{id}/generate-order", null)).IsSuccessStatusCode.ShouldBeFalse();
    }

    /// <summary>
    /// Puts a copy of the record's latest <paramref name="eventType"/> back in the owner's outbox (a new
    /// message id, so no inbox takes it for the original), <paramref name="versionsBack"/> versions older
    /// and named <see cref="StaleName"/>: the dispatcher publishes it like any other event.
    /// </summary>
    /// <param name="idPath">The JSON path of the record id in the payload, comma separated (camelCase, as the outbox stores it).</param>
    private async Task<Guid> RepublishOlderAsync(string database, string eventType, string idPath, Guid id, string versionPath, string? namePath, int versionsBack = 1)
    {
        var messageId = Guid.NewGuid();
        var payload = "jsonb_set(payload, @versionPath, to_jsonb((payload #>> @versionPath)::int - @versionsBack))";
        if (namePath is not null)
        {
            payload = $"jsonb_set({payload}, @namePath, to_jsonb(@staleName::text))";
        }

        var inserted = await fixture.ExecuteAsync(
            database,
            $"""
            INSERT INTO outbox_messages (message_id, message_type, payload, occurred_at)
            SELECT @messageId, message_type, {payload}, now()
            FROM outbox_messages
            WHERE message_type LIKE @type AND payload #>> @idPath = @id
            ORDER BY id DESC
            LIMIT 1
            """,
            new
            {
                messageId,
                type = "%." + eventType,
                idPath = idPath.Split(','),
                id = id.ToString(),
                versionPath = versionPath.Split(','),
                versionsBack,
                namePath = namePath?.Split(',') ?? [],
                staleName = StaleName,
            });
        inserted.ShouldBe(1, $"a {eventType} of {id} in {database}'s outbox");
        return messageId;
    }

    private Task WaitForInboxAsync(string database, Guid messageId) =>
        Eventually.WaitForAsync(
            () => fixture.ScalarAsync<long>(database, "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            $"message {messageId} applied in {database}");

    private Task WaitForVersionAsync(string database, string sql, Guid id, int version) =>
        Eventually.WaitForAsync(
            () => fixture.ScalarAsync<int>(database, sql, new { id }),
            v => v >= version,
            TimeSpan.FromSeconds(30),
            $"{id} at version {version} in {database}");
}
