using System.Globalization;
using System.Text.Json.Nodes;
using Crm.Testing;

namespace Crm.IntegrationTests.Reports;

/// <summary>A fresh user (so "owner_id=me" sees only what the test made) with an account and a product to sell.</summary>
public sealed record ReportSeller(TestUser User, HttpClient Client, JsonNode Account, string ProductId)
{
    public string AccountId => Account.Str("id");

    public static async Task<ReportSeller> CreateAsync(CrmFixture fixture)
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var product = await admin.PostJsonAsync("/api/v1/products", new { name = Json.Unique("Report"), standard_list_price = 100 }).CreatedAsync();
        var account = await client.PostJsonAsync("/api/v1/accounts", new { name = Json.Unique("Reported Co") }).CreatedAsync();
        return new ReportSeller(user, client, account, product.Str("id"));
    }

    /// <summary>A deal at the account with one line per price (quantity 1), then moved to <paramref name="stage"/>.</summary>
    public async Task<JsonNode> DealAsync(string stage, string? closeDate, params decimal[] prices)
    {
        var deal = await Client.PostJsonAsync("/api/v1/opportunities", new { name = Json.Unique("Deal"), stage = "Qualifying", account_id = AccountId, close_date = closeDate }).CreatedAsync();
        foreach (var price in prices)
        {
            deal = await Client.PostJsonAsync($"/api/v1/opportunities/{deal.Str("id")}/line_items", new { product_id = ProductId, quantity = 1, sale_price = price.ToString(CultureInfo.InvariantCulture) }).CreatedAsync();
        }

        return stage == "Qualifying" ? deal : await MoveAsync(deal, stage);
    }

    public Task<JsonNode> MoveAsync(JsonNode deal, string stage) =>
        Client.PutJsonAsync($"/api/v1/opportunities/{deal.Str("id")}", new { stage, version = deal.Int("version") }).OkAsync();
}
