using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Search;

/// <summary>A service that cannot answer leaves its types out; the others' results still come back.</summary>
[Collection(DisruptiveCollection.Name)]
public sealed class SearchOutageTests(CrmFixture fixture)
{
    [Fact]
    public async Task With_Billing_stopped_search_answers_the_rest_and_names_Billing_unavailable()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var token = SearchTokens.Word();
        var id = (await client.PostJsonAsync("/api/v1/accounts", new { name = $"{token} Outage" }).CreatedAsync()).Str("id");

        await fixture.StopResourceAsync("billing");
        try
        {
            var answer = await client.SearchOnceAsync(token);
            answer["partial"]!.GetValue<bool>().ShouldBeTrue();
            answer["unavailable"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["Billing"]);
            answer.Ids("Account").ShouldBe([id]);
            answer.Group("Order").ShouldBeNull();
            answer.Group("Case").ShouldNotBeNull();
        }
        finally
        {
            await fixture.StartResourceAsync("billing");
        }

        await fixture.WaitHealthyAsync("billing", TimeSpan.FromSeconds(120));
    }
}
