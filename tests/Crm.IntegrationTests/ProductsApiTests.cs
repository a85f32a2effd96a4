using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class ProductsApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private async Task<HttpClient> AdminAsync() => fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());

    private static async Task<JsonNode> CreateAsync(HttpClient admin, object body)
    {
        var response = await admin.PostJsonAsync("/api/v1/products", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Admins_create_products_with_money_as_two_place_strings()
    {
        var admin = await AdminAsync();

        var product = await CreateAsync(admin, new { name = "SEO Retainer", standard_list_price = "1500", description = "Monthly SEO", is_retainer_product = true });

        product.Str("standard_list_price").ShouldBe("1500.00");
        product["is_retainer_product"]!.GetValue<bool>().ShouldBeTrue();
        product["is_active"]!.GetValue<bool>().ShouldBeTrue();
        product.Int("version").ShouldBe(1);
        var numeric = await CreateAsync(admin, new { name = "Logo design", standard_list_price = 499.5 });
        numeric.Str("standard_list_price").ShouldBe("499.50");
        numeric["is_retainer_product"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Prices_are_checked_per_field()
    {
        var admin = await AdminAsync();

        var response = await admin.PostJsonAsync("/api/v1/products", new { name = "", standard_list_price = -1 });
        var problem = await response.ReadJsonAsync();
        problem.ErrorsFor("name").ShouldBe(["Product Name is required."]);
        problem.ErrorsFor("standard_list_price").ShouldBe(["List Price can't be negative."]);

        (await (await admin.PostJsonAsync("/api/v1/products", new { name = "X", standard_list_price = 10.555 })).ReadJsonAsync())
            .ErrorsFor("standard_list_price").ShouldBe(["List Price can have at most 2 decimal places."]);
        (await (await admin.PostJsonAsync("/api/v1/products", new { name = "X" })).ReadJsonAsync())
            .ErrorsFor("standard_list_price").ShouldBe(["List Price is required."]);
        (await (await admin.PostJsonAsync("/api/v1/products", new { name = "X", standard_list_price = "ten" })).ReadJsonAsync())
            .ErrorsFor("standard_list_price").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Users_read_active_products_only_and_may_not_change_the_catalog()
    {
        var admin = await AdminAsync();
        var user = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var active = await CreateAsync(admin, new { name = $"Hosting {tag}", standard_list_price = 30 });
        var retired = await CreateAsync(admin, new { name = $"Flash site {tag}", standard_list_price = 900 });
        (await admin.PutJsonAsync($"/api/v1/products/{retired.Str("id")}", new { is_active = false, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var seenByUser = await (await user.GetAsync($"/api/v1/products?q={tag}&include_inactive=true")).ReadJsonAsync();
        seenByUser["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Hosting {tag}"]);
        var seenByAdmin = await (await admin.GetAsync($"/api/v1/products?q={tag}&include_inactive=true&sort=-price")).ReadJsonAsync();
        seenByAdmin["items"]!.AsArray().Select(i => i!.Str("name")).ShouldBe([$"Flash site {tag}", $"Hosting {tag}"]);
        var adminDefault = await (await admin.GetAsync($"/api/v1/products?q={tag}")).ReadJsonAsync();
        adminDefault.Int("total").ShouldBe(1);

        (await user.PostJsonAsync("/api/v1/products", new { name = "Sneaky", standard_list_price = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await user.PutJsonAsync($"/api/v1/products/{active.Str("id")}", new { standard_list_price = 1, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await user.GetAsync($"/api/v1/products/{active.Str("id")}")).ReadJsonAsync()).Str("standard_list_price").ShouldBe("30.00");
    }

    [Fact]
    public async Task Product_updates_are_versioned()
    {
        var admin = await AdminAsync();
        var product = await CreateAsync(admin, new { name = "Maintenance", standard_list_price = 200 });
        var id = product.Str("id");

        var updated = await (await admin.PutJsonAsync($"/api/v1/products/{id}", new { standard_list_price = "250.00", version = 1 })).ReadJsonAsync();
        updated.Str("standard_list_price").ShouldBe("250.00");
        updated.Int("version").ShouldBe(2);

        var stale = await admin.PutJsonAsync($"/api/v1/products/{id}", new { name = "Lost", version = 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadJsonAsync())["current"]!.Str("standard_list_price").ShouldBe("250.00");
        (await admin.GetAsync($"/api/v1/products/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
