using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Crm.Testing;

namespace Crm.IntegrationTests.Adversarial;

/// <summary>
/// One real record of every kind, so that hostile requests name existing ids and get past "not found"
/// to validation; the versions they are at (kept up to date from every 2xx answer), so updates get past
/// the version check; and a throwaway user for the routes that act on the caller (change-password, logout).
/// </summary>
public sealed class AdversarialWorld(CrmFixture fixture, Guid adminId, string adminToken, IReadOnlyDictionary<string, string> ids)
{
    private readonly ConcurrentDictionary<string, int> _versions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _selfGate = new(1, 1);
    private TestUser? _self;

    public Guid AdminId => adminId;

    public string AdminToken => adminToken;

    /// <summary>account, contact, lead, product, opportunity, line_item, contact_role, won_opportunity, order, payment, contract, task, case, user.</summary>
    public IReadOnlyDictionary<string, string> Ids => ids;

    public static async Task<AdversarialWorld> CreateAsync(CrmFixture fixture)
    {
        var adminToken = await fixture.AdminTokenAsync();
        var admin = fixture.CreateClient().WithBearer(adminToken);
        var adminId = Guid.Parse((await admin.GetAsync("/api/v1/auth/me").OkAsync()).Str("id"));
        var tag = Guid.NewGuid().ToString("N")[..8];

        var user = await TestUsers.CreateAsync(fixture);
        var account = await admin.PostJsonAsync("/api/v1/accounts", new { name = $"Adversarial {tag}" }).CreatedAsync();
        var accountId = account.Str("id");
        var contact = await admin.PostJsonAsync("/api/v1/contacts", new { first_name = "Ada", last_name = $"Adversarial {tag}", account_id = accountId }).CreatedAsync();
        var lead = await admin.PostJsonAsync("/api/v1/leads", new { last_name = $"Adversarial {tag}", company = $"Adversarial {tag}", status = "New" }).CreatedAsync();
        var product = await admin.PostJsonAsync("/api/v1/products", new { name = $"Adversarial {tag}", standard_list_price = 100 }).CreatedAsync();
        var opportunity = await admin.PostJsonAsync("/api/v1/opportunities", new { name = $"Adversarial {tag}", stage = "Qualifying", account_id = accountId }).CreatedAsync();
        var opportunityId = opportunity.Str("id");
        var withLine = await admin.PostJsonAsync($"/api/v1/opportunities/{opportunityId}/line_items", new { product_id = product.Str("id"), quantity = 1 }).CreatedAsync();
        var withRole = await admin.PostJsonAsync($"/api/v1/opportunities/{opportunityId}/contact_roles", new { contact_id = contact.Str("id"), role = "Decision Maker" }).CreatedAsync();

        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var payment = await admin.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount = 100, payment_date = "2026-01-15", payment_method = "Cash" }).CreatedAsync();
        var contract = await deal.GenerateContractAsync(new { start_date = "2026-01-01", end_date = "2026-12-31", billing_cycle = "Monthly" });

        await ActivityTestData.WaitForRecordAsync(fixture, "Account", accountId);
        await ActivityTestData.WaitForRecordAsync(fixture, "Contact", contact.Str("id"));
        var task = await admin.PostJsonAsync("/api/v1/activities", new { type = "Task", subject = $"Adversarial {tag}", status = "Not Started", priority = "Normal", assigned_to_id = adminId, what_type = "Account", what_id = accountId }).CreatedAsync();
        var @case = await admin.PostJsonAsync("/api/v1/cases", new { subject = $"Adversarial {tag}", status = "New", priority = "Medium", account_id = accountId, contact_id = contact.Str("id") }).CreatedAsync();

        var apiClient = await admin.PostJsonAsync("/api/v1/admin/api-clients", new { name = $"Adversarial {tag}", role = "User" }).CreatedAsync();

        var world = new AdversarialWorld(fixture, adminId, adminToken, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["api_client"] = apiClient.Str("id"),
            ["user"] = user.Id.ToString(),
            ["account"] = accountId,
            ["contact"] = contact.Str("id"),
            ["lead"] = lead.Str("id"),
            ["product"] = product.Str("id"),
            ["opportunity"] = opportunityId,
            ["line_item"] = withLine["line_items"]![0]!.Str("id"),
            ["contact_role"] = withRole["contact_roles"]![0]!.Str("id"),
            ["won_opportunity"] = deal.Opportunity.Str("id"),
            ["order"] = order.Str("id"),
            ["payment"] = payment.Str("id"),
            ["contract"] = contract.Str("id"),
            ["task"] = task.Str("id"),
            ["case"] = @case.Str("id"),
        });
        foreach (var node in new[] { account, contact, lead, product, withRole, order, payment, contract, task, @case, apiClient, await TestUsers.GetUserAsync(fixture, user.Id) })
        {
            world.Track(node);
        }

        return world;
    }

    /// <summary>The version a record is at, as far as the answers so far tell.</summary>
    public int VersionOf(string id) => _versions.GetValueOrDefault(id, 1);

    /// <summary>Remembers the version of every record an answer carries (nested ones too: a payment's order).</summary>
    public void Track(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject record:
                if (record["id"] is JsonValue id && id.TryGetValue<string>(out var key) && record["version"] is JsonValue version && version.TryGetValue<int>(out var v))
                {
                    _versions[key] = v;
                }

                foreach (var (_, child) in record)
                {
                    Track(child);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Track(item);
                }

                break;
        }
    }

    /// <summary>A user whose own password and sessions the /auth routes may change; replaced once they did.</summary>
    public async Task<TestUser> SelfAsync()
    {
        await _selfGate.WaitAsync();
        try
        {
            return _self ??= await TestUsers.CreateAsync(fixture);
        }
        finally
        {
            _selfGate.Release();
        }
    }

    public void ForgetSelf() => _self = null;
}
