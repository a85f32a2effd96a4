using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class CasesApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private static Task<JsonNode> OpenAsync(SalesWorld world, string subject, string priority = "Medium", object? extra = null) =>
        world.Client.PostJsonAsync("/api/v1/cases", ActivityTestData.Body(new { subject, status = "New", priority, account_id = world.AccountId }, extra)).CreatedAsync();

    [Fact]
    public async Task A_case_is_opened_at_an_account_with_one_of_its_contacts_and_a_readable_increasing_number()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);

        var first = await OpenAsync(world, "Contact form broken", "High", new { description = "Since the last release", contact_id = world.ContactId });
        var second = await OpenAsync(world, "Slow home page");

        first.Str("case_number").ShouldMatch("^[0-9]{8}$");
        long.Parse(first.Str("case_number"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1001);
        string.CompareOrdinal(second.Str("case_number"), first.Str("case_number")).ShouldBeGreaterThan(0);
        first.Str("subject").ShouldBe("Contact form broken");
        first.Str("description").ShouldBe("Since the last release");
        first.Str("status").ShouldBe("New");
        first.Str("priority").ShouldBe("High");
        first.Str("account_id").ShouldBe(world.AccountId);
        first.Str("account_name").ShouldBe(world.Account.Str("name"));
        first.Str("contact_id").ShouldBe(world.ContactId);
        first.Str("contact_name").ShouldBe($"Jane {world.Contact.Str("last_name")}");
        first.Str("owner_id").ShouldBe(world.User.Id.ToString());
        first.Str("owner_name").ShouldStartWith("Test User");
        first["closed_at"].ShouldBeNull();
        first.Int("version").ShouldBe(1);
        first.Str("created_by_name").ShouldBe(first.Str("owner_name"));
        second["contact_id"].ShouldBeNull();
        second["contact_name"].ShouldBeNull();

        var read = await world.Client.GetAsync($"/api/v1/cases/{first.Str("id")}").OkAsync();
        JsonNode.DeepEquals(read, first).ShouldBeTrue();
        (await world.Client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await world.Client.SubjectsAsync($"/api/v1/cases?q={first.Str("case_number")}")).ShouldBe(["Contact form broken"]);
        (await world.Client.SubjectsAsync($"/api/v1/cases?contact_id={world.ContactId}")).ShouldBe(["Contact form broken"]);
        (await world.Client.SubjectsAsync($"/api/v1/cases?account_id={world.AccountId}&sort=-case_number")).ShouldBe(["Slow home page", "Contact form broken"]);

        // Activities relate to a case like to any other record.
        var task = await world.Client.TaskAsync(world.User.Id, "Reproduce the bug", new { what_type = "Case", what_id = first.Str("id") });
        task.Str("what_name").ShouldBe("Contact form broken");
        (await world.Client.SubjectsAsync($"/api/v1/activities?what_type=Case&what_id={first.Str("id")}")).ShouldBe(["Reproduce the bug"]);
    }

    [Fact]
    public async Task Cases_are_validated_per_field_and_the_contact_must_be_at_the_account()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var elsewhere = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;

        var empty = await client.PostJsonAsync("/api/v1/cases", new { subject = " " }).ProblemAsync();
        empty.ErrorsFor("subject").ShouldBe(["Subject is required."]);
        empty.ErrorsFor("status").ShouldBe(["Status is required."]);
        empty.ErrorsFor("priority").ShouldBe(["Priority is required."]);
        empty.ErrorsFor("account_id").ShouldBe(["Account is required."]);
        (await client.PostJsonAsync("/api/v1/cases", new { subject = "X", status = "Open", priority = "Low", account_id = world.AccountId }).ProblemAsync()).ErrorsFor("status").ShouldNotBeEmpty();

        var strangers = await client.PostJsonAsync("/api/v1/cases", new { subject = "X", status = "New", priority = "Low", account_id = world.AccountId, contact_id = elsewhere.ContactId }).ProblemAsync();
        strangers.ErrorsFor("contact_id").ShouldBe(["The Contact is not at this Account."]);
        var unknown = await client.PostJsonAsync("/api/v1/cases", new { subject = "X", status = "New", priority = "Low", account_id = Guid.NewGuid(), contact_id = Guid.NewGuid(), owner_id = Guid.NewGuid() }).ProblemAsync();
        unknown.ErrorsFor("account_id").ShouldBe(["No Account with this id."]);
        unknown.ErrorsFor("owner_id").ShouldBe(["Case Owner must be an active user."]);

        // Moving a case to another account needs a contact of that account.
        var opened = await OpenAsync(world, "Wrong invoice address", extra: new { contact_id = world.ContactId });
        var moved = await client.PutJsonAsync($"/api/v1/cases/{opened.Str("id")}", new { account_id = elsewhere.AccountId, version = 1 }).ProblemAsync();
        moved.ErrorsFor("contact_id").ShouldBe(["The Contact is not at this Account."]);
        var movedWithContact = await client.PutJsonAsync($"/api/v1/cases/{opened.Str("id")}", new { account_id = elsewhere.AccountId, contact_id = elsewhere.ContactId, owner_id = elsewhere.User.Id, version = 1 }).OkAsync();
        movedWithContact.Str("account_name").ShouldBe(elsewhere.Account.Str("name"));
        movedWithContact.Str("owner_id").ShouldBe(elsewhere.User.Id.ToString());
        (await client.PutJsonAsync($"/api/v1/cases/{opened.Str("id")}", new { owner_id = (Guid?)null, version = 2 }).ProblemAsync()).ErrorsFor("owner_id").ShouldBe(["Case Owner is required."]);
    }

    [Fact]
    public async Task The_support_queue_puts_high_priority_first_then_the_oldest()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        await OpenAsync(world, "low, oldest", "Low");
        await OpenAsync(world, "high, older", "High");
        await OpenAsync(world, "medium", "Medium");
        var newestHigh = await OpenAsync(world, "high, newest", "High");
        var closed = await OpenAsync(world, "high, closed", "High");
        await client.PutJsonAsync($"/api/v1/cases/{closed.Str("id")}", new { status = "Closed", version = 1 }).OkAsync();

        var url = $"/api/v1/cases?account_id={world.AccountId}";
        (await client.SubjectsAsync($"{url}&status_ne=Closed")).ShouldBe(["high, older", "high, newest", "medium", "low, oldest"]);
        (await client.SubjectsAsync(url)).ShouldBe(["high, older", "high, newest", "high, closed", "medium", "low, oldest"]);
        (await client.SubjectsAsync($"{url}&priority=High&status=New")).ShouldBe(["high, older", "high, newest"]);
        (await client.SubjectsAsync($"{url}&status=Closed")).ShouldBe(["high, closed"]);
        (await client.SubjectsAsync($"{url}&sort=-priority")).First().ShouldBe("low, oldest");
        (await client.SubjectsAsync($"{url}&sort=subject")).ShouldBe(["high, closed", "high, newest", "high, older", "low, oldest", "medium"]);
        (await client.SubjectsAsync($"{url}&owner=me&priority=Medium")).ShouldBe(["medium"]);
        (await client.SubjectsAsync($"/api/v1/cases?owner={Guid.NewGuid()}")).ShouldBeEmpty();
        newestHigh.Str("status").ShouldBe("New");

        (await client.GetAsync("/api/v1/cases?status=Pending").ProblemAsync()).ErrorsFor("status").ShouldBe(["Status must be one of: New, In Progress, Closed."]);
        (await client.GetAsync("/api/v1/cases?sort=account").ProblemAsync()).ErrorsFor("sort").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Closing_stamps_closed_at_and_reopening_clears_it_with_versions_guarding_every_change()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        var opened = await OpenAsync(world, "SSL certificate expired", "High");
        var url = $"/api/v1/cases/{opened.Str("id")}";

        var working = await client.PutJsonAsync(url, new { status = "In Progress", version = 1 }).OkAsync();
        working.Str("status").ShouldBe("In Progress");
        working["closed_at"].ShouldBeNull();

        var before = DateTime.UtcNow.AddSeconds(-5);
        var closed = await client.PutJsonAsync(url, new { status = "Closed", version = 2 }).OkAsync();
        var closedAt = DateTime.Parse(closed.Str("closed_at"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        closedAt.ShouldBeGreaterThan(before);
        closedAt.ShouldBeLessThan(DateTime.UtcNow.AddSeconds(5));

        // Editing a closed case keeps the moment it closed.
        var edited = await client.PutJsonAsync(url, new { description = "Renewed for two years", version = 3 }).OkAsync();
        edited.Str("closed_at").ShouldBe(closed.Str("closed_at"));

        var stale = await client.PutJsonAsync(url, new { status = "New", version = 3 }).ProblemAsync(HttpStatusCode.Conflict);
        stale["current"]!.Str("status").ShouldBe("Closed");
        stale["current"]!.Int("version").ShouldBe(4);
        stale["current"]!.Str("description").ShouldBe("Renewed for two years");

        var reopened = await client.PutJsonAsync(url, new { status = "New", version = 4 }).OkAsync();
        reopened["closed_at"].ShouldBeNull();
        reopened.Int("version").ShouldBe(5);
        (await client.PutJsonAsync(url, new { status = "Closed" }).ProblemAsync()).ErrorsFor("version").ShouldBe(["Version is required."]);
        (await client.PutJsonAsync($"/api/v1/cases/{Guid.NewGuid()}", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Opening_and_changing_a_case_publish_CaseCreated_and_CaseUpdated_through_the_outbox()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var opened = await OpenAsync(world, "Email bounces", "High", new { contact_id = world.ContactId });
        var id = Guid.Parse(opened.Str("id"));
        await world.Client.PutJsonAsync($"/api/v1/cases/{id}", new { status = "Closed", version = 1 }).OkAsync();

        foreach (var (type, version) in new[] { ("CaseCreated", 1), ("CaseUpdated", 2) })
        {
            var dispatched = await Eventually.WaitForAsync(
                () => ActivityTestData.ScalarAsync<long>(
                    fixture,
                    "activitiesdb",
                    "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND payload->'case'->>'caseId' = @id AND (payload->'case'->>'version')::int = @version AND dispatched_at IS NOT NULL",
                    ("type", $"Crm.Contracts.Activities.{type}"),
                    ("id", id.ToString()),
                    ("version", version)),
                n => n > 0,
                TimeSpan.FromSeconds(30),
                $"{type} of case {id} to be published");
            dispatched.ShouldBe(1);
        }

        var payload = await ActivityTestData.ScalarAsync<string>(
            fixture,
            "activitiesdb",
            "SELECT payload::text FROM outbox_messages WHERE message_type = 'Crm.Contracts.Activities.CaseUpdated' AND payload->'case'->>'caseId' = @id",
            ("id", id.ToString()));
        var snapshot = JsonNode.Parse(payload)!["case"]!;
        snapshot.Str("caseNumber").ShouldBe(opened.Str("case_number"));
        snapshot.Str("status").ShouldBe("Closed");
        snapshot.Str("priority").ShouldBe("High");
        snapshot.Str("contactId").ShouldBe(world.ContactId);
        snapshot["closedAt"].ShouldNotBeNull();

        // A refused change publishes nothing.
        await world.Client.PutJsonAsync($"/api/v1/cases/{id}", new { subject = "", version = 2 }).ProblemAsync();
        (await ActivityTestData.ScalarAsync<long>(fixture, "activitiesdb", "SELECT count(*) FROM outbox_messages WHERE payload->'case'->>'caseId' = @id", ("id", id.ToString()))).ShouldBe(2);
    }
}
