using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Lists;

/// <summary>
/// A list's total is counted once and kept while nothing is committed (ListCountCache): every write must still
/// show in the very next page, and a page read from the end of a kept total is the page read from the front.
/// </summary>
public sealed class ListTotalsTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task A_kept_total_follows_every_create_rename_and_deactivation_at_once()
    {
        var token = ListViewsTests.Letters();
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        async Task<int> TotalAsync() => (await client.GetAsync($"/api/v1/accounts?q={token}&page_size=1").OkAsync()).Int("total");

        for (var i = 0; i < 3; i++)
        {
            await client.PostJsonAsync("/api/v1/accounts", new { name = $"Kept {i} {token}" }).CreatedAsync();
        }

        (await TotalAsync()).ShouldBe(3);
        (await TotalAsync()).ShouldBe(3, "the kept total, unchanged");

        var created = await client.PostJsonAsync("/api/v1/accounts", new { name = $"Kept 3 {token}" }).CreatedAsync();
        (await TotalAsync()).ShouldBe(4, "a create shows in the next page's total");

        var renamed = await client.PutJsonAsync($"/api/v1/accounts/{created.Str("id")}", new { name = "Renamed away", version = created.Int("version") }).OkAsync();
        (await TotalAsync()).ShouldBe(3, "a rename out of the filter shows at once");

        var other = (await client.GetAsync($"/api/v1/accounts?q={token}&page_size=1").OkAsync())["items"]![0]!;
        await client.PutJsonAsync($"/api/v1/accounts/{other.Str("id")}", new { is_active = false, version = other.Int("version") }).OkAsync();
        (await TotalAsync()).ShouldBe(2, "a deactivation shows at once");
        renamed.Int("version").ShouldBe(created.Int("version") + 1);
    }

    [Fact]
    public async Task A_page_in_the_second_half_is_the_same_read_from_the_end_as_from_the_front()
    {
        var token = ListViewsTests.Letters();
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        // Equal names: only the tie-breaker orders them, and it must reverse with the sort.
        for (var i = 0; i < 7; i++)
        {
            await client.PostJsonAsync("/api/v1/accounts", new { name = $"Same {token}" }).CreatedAsync();
        }

        await client.PostJsonAsync("/api/v1/accounts", new { name = $"Zed {token}" }).CreatedAsync();

        foreach (var sort in new[] { "name", "-name", "created_at" })
        {
            async Task<string[]> PageAsync(int page) =>
                [.. (await client.GetAsync($"/api/v1/accounts?q={token}&sort={sort}&page={page}&page_size=3").OkAsync())["items"]!.AsArray().Select(a => a!.Str("id"))];

            // The first reads count (nothing kept yet for this sort); the second ones page from the kept total.
            string[][] counted = [await PageAsync(1), await PageAsync(2), await PageAsync(3)];
            string[][] kept = [await PageAsync(1), await PageAsync(2), await PageAsync(3)];
            kept.ShouldBe(counted, $"sort {sort}");
            counted.SelectMany(p => p).Distinct().Count().ShouldBe(8, $"sort {sort}: every row once across the pages");
            counted[2].Length.ShouldBe(2);
            (await PageAsync(4)).ShouldBeEmpty();
        }
    }
}
