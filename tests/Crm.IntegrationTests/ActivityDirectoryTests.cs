using System.Net;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>Activities links to records other services own: their events keep its directories current (names, deactivations).</summary>
public sealed class ActivityDirectoryTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task A_contact_from_Sales_becomes_linkable_follows_renames_and_refuses_new_links_once_deactivated()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        var contact = await client.PostJsonAsync("/api/v1/contacts", new { first_name = "Maria", last_name = "Garcia", account_id = world.AccountId }).CreatedAsync();
        var id = contact.Str("id");

        // Eventually linkable: until the event arrives Activities does not know the contact.
        var call = await Eventually.WaitForAsync(
            () => client.PostJsonAsync("/api/v1/activities", new { type = "Task", subject = "Intro call", status = "Not Started", priority = "Normal", assigned_to_id = world.User.Id, who_type = "Contact", who_id = id }),
            r => r.StatusCode != HttpStatusCode.BadRequest,
            TimeSpan.FromSeconds(30),
            "the contact to be linkable");
        var task = await Task.FromResult(call).CreatedAsync();
        task.Str("who_name").ShouldBe("Maria Garcia");

        await client.PutJsonAsync($"/api/v1/contacts/{id}", new { last_name = "Lopez", version = 1 }).OkAsync();
        var renamed = await Eventually.WaitForAsync(
            () => client.GetAsync($"/api/v1/activities/{task.Str("id")}").OkAsync(),
            a => a.Str("who_name") == "Maria Lopez",
            TimeSpan.FromSeconds(30),
            "the new name on the activity");
        renamed.Int("version").ShouldBe(1);

        await client.PutJsonAsync($"/api/v1/contacts/{id}", new { is_active = false, version = 2 }).OkAsync();
        var copy = await ActivityTestData.WaitForRecordAsync(fixture, "Contact", id, 3);
        copy["is_active"]!.GetValue<bool>().ShouldBeFalse();

        var refused = await client.PostJsonAsync("/api/v1/activities", new { type = "Task", subject = "Another call", status = "Not Started", priority = "Normal", assigned_to_id = world.User.Id, who_type = "Contact", who_id = id }).ProblemAsync();
        refused.ErrorsFor("who_id").ShouldBe(["This Contact is inactive."]);
        (await client.PostJsonAsync("/api/v1/cases", new { subject = "Broken form", status = "New", priority = "Low", account_id = world.AccountId, contact_id = id }).ProblemAsync())
            .ErrorsFor("contact_id").ShouldBe(["This Contact is inactive."]);

        // What was linked before keeps its link and name, and can still be worked on.
        var completed = await client.PutJsonAsync($"/api/v1/activities/{task.Str("id")}", new { status = "Completed", version = 1 }).OkAsync();
        completed.Str("who_name").ShouldBe("Maria Lopez");
        (await client.SubjectsAsync($"/api/v1/activities?who_type=Contact&who_id={id}")).ShouldBe(["Intro call"]);
    }

    [Fact]
    public async Task Account_and_opportunity_renames_reach_the_activities_linked_to_them()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        var onAccount = await client.TaskAsync(world.User.Id, "Account review", new { what_type = "Account", what_id = world.AccountId });
        var onDeal = await client.TaskAsync(world.User.Id, "Deal review", new { what_type = "Opportunity", what_id = world.OpportunityId });

        await client.PutJsonAsync($"/api/v1/accounts/{world.AccountId}", new { name = "Renamed Holdings", version = 1 }).OkAsync();
        await client.PutJsonAsync($"/api/v1/opportunities/{world.OpportunityId}", new { name = "Renamed deal", version = world.Opportunity.Int("version") }).OkAsync();

        await Eventually.WaitForAsync(
            () => client.GetAsync($"/api/v1/activities/{onAccount.Str("id")}").OkAsync(),
            a => a.Str("what_name") == "Renamed Holdings",
            TimeSpan.FromSeconds(30),
            "the account's new name");
        await Eventually.WaitForAsync(
            () => client.GetAsync($"/api/v1/activities/{onDeal.Str("id")}").OkAsync(),
            a => a.Str("what_name") == "Renamed deal",
            TimeSpan.FromSeconds(30),
            "the opportunity's new name");

        // The lookup shows an opportunity under its account's current name.
        var hits = await Eventually.WaitForAsync(
            async () => (await client.GetAsync("/api/v1/activities/related-records?types=Opportunity&q=Renamed%20deal").OkAsync()).AsArray(),
            a => a.Any(r => r!.Str("id") == world.OpportunityId && r!.Str("detail") == "Renamed Holdings"),
            TimeSpan.FromSeconds(30),
            "the opportunity under the renamed account");
        hits.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_converted_lead_takes_no_new_links()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        var lead = await client.PostJsonAsync("/api/v1/leads", new { first_name = "Priya", last_name = "Patel", company = Json.Unique("Riverside"), status = "Qualified" }).CreatedAsync();
        var id = lead.Str("id");
        await ActivityTestData.WaitForRecordAsync(fixture, "Lead", id);

        var call = await client.TaskAsync(world.User.Id, "Qualify the lead", new { who_type = "Lead", who_id = id });
        call.Str("who_name").ShouldBe("Priya Patel");

        await client.PostJsonAsync($"/api/v1/leads/{id}/convert", new { opportunity_name = "Riverside website" }).OkAsync();
        var copy = await Eventually.WaitForAsync(
            () => ActivityTestData.WaitForRecordAsync(fixture, "Lead", id),
            r => !r["is_active"]!.GetValue<bool>(),
            TimeSpan.FromSeconds(30),
            "the converted lead in Activities' directory");
        copy.Str("detail").ShouldBe(lead.Str("company"));

        var refused = await client.PostJsonAsync("/api/v1/activities", new { type = "Task", subject = "Chase", status = "Not Started", priority = "Low", assigned_to_id = world.User.Id, who_type = "Lead", who_id = id }).ProblemAsync();
        refused.ErrorsFor("who_id").ShouldBe(["This Lead was converted; link its contact instead."]);
        (await client.GetAsync($"/api/v1/activities/related-records?types=Lead&q={Uri.EscapeDataString(lead.Str("company"))}").OkAsync()).AsArray().ShouldBeEmpty();
        (await client.GetAsync($"/api/v1/activities/{call.Str("id")}").OkAsync()).Str("who_name").ShouldBe("Priya Patel");
    }

    [Fact]
    public async Task An_order_generated_in_Billing_is_linkable_by_its_number()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var order = await deal.GenerateOrderAsync();
        var id = order.Str("id");
        var copy = await ActivityTestData.WaitForRecordAsync(fixture, "Order", id);
        copy.Str("name").ShouldBe(order.Str("order_number"));
        copy.Str("account_id").ShouldBe(deal.Account.Str("id"));

        var me = await deal.Client.GetAsync("/api/v1/auth/me").OkAsync();
        var task = await deal.Client.TaskAsync(Guid.Parse(me.Str("id")), "Invoice sent?", new { what_type = "Order", what_id = id });
        task.Str("what_name").ShouldBe(order.Str("order_number"));
        (await deal.Client.SubjectsAsync($"/api/v1/activities?what_type=Order&what_id={id}")).ShouldBe(["Invoice sent?"]);

        var hit = (await deal.Client.GetAsync($"/api/v1/activities/related-records?types=Order&q={order.Str("order_number")}").OkAsync()).AsArray().ShouldHaveSingleItem()!;
        hit.Str("id").ShouldBe(id);
        hit.Str("type").ShouldBe("Order");
        hit.Str("detail").ShouldBe(order.Str("order_number"));

        // A status change is a newer copy of the same order.
        await deal.Client.PutJsonAsync($"/api/v1/orders/{id}", new { status = "Fulfilled", version = order.Int("version") }).OkAsync();
        (await ActivityTestData.WaitForRecordAsync(fixture, "Order", id, order.Int("version") + 1)).Str("name").ShouldBe(order.Str("order_number"));
    }
}
