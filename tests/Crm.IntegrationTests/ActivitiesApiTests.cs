using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class ActivitiesApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task A_task_related_to_an_opportunity_and_a_contact_shows_on_both_timelines()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;

        var task = await client.TaskAsync(world.User.Id, "Follow up on proposal", new
        {
            description = "Call about the quote",
            priority = "High",
            due_date = "2031-05-02",
            what_type = "Opportunity",
            what_id = world.OpportunityId,
            who_type = "Contact",
            who_id = world.ContactId,
        });

        task.Str("type").ShouldBe("Task");
        task.Str("subject").ShouldBe("Follow up on proposal");
        task.Str("description").ShouldBe("Call about the quote");
        task.Str("status").ShouldBe("Not Started");
        task.Str("priority").ShouldBe("High");
        task.Str("due_date").ShouldBe("2031-05-02");
        task["start_time"].ShouldBeNull();
        task["is_all_day_event"]!.GetValue<bool>().ShouldBeFalse();
        task.Str("assigned_to_id").ShouldBe(world.User.Id.ToString());
        task.Str("assigned_to_name").ShouldStartWith("Test User");
        task.Str("what_type").ShouldBe("Opportunity");
        task.Str("what_name").ShouldBe(world.Opportunity.Str("name"));
        task.Str("who_type").ShouldBe("Contact");
        task.Str("who_name").ShouldBe($"Jane {world.Contact.Str("last_name")}");
        task["is_closed"]!.GetValue<bool>().ShouldBeFalse();
        task["is_overdue"]!.GetValue<bool>().ShouldBeFalse();
        task.Int("version").ShouldBe(1);
        task.Str("created_by").ShouldBe(world.User.Id.ToString());
        task.Str("created_by_name").ShouldBe(task.Str("assigned_to_name"));
        task.Str("updated_by_name").ShouldBe(task.Str("assigned_to_name"));

        var onEvent = await client.EventAsync(world.User.Id, "Kick-off meeting", "2031-05-03T09:00:00Z", "2031-05-03T10:30:00Z", new
        {
            location = "Client office",
            what_type = "Account",
            what_id = world.AccountId,
        });
        onEvent.Str("start_time").ShouldBe("2031-05-03T09:00:00Z");
        onEvent.Str("end_time").ShouldBe("2031-05-03T10:30:00Z");
        onEvent.Str("location").ShouldBe("Client office");
        onEvent["status"].ShouldBeNull();
        onEvent["priority"].ShouldBeNull();
        onEvent.Str("what_name").ShouldBe(world.Account.Str("name"));

        (await client.SubjectsAsync($"/api/v1/activities?what_type=Opportunity&what_id={world.OpportunityId}")).ShouldBe(["Follow up on proposal"]);
        (await client.SubjectsAsync($"/api/v1/activities?who_type=Contact&who_id={world.ContactId}")).ShouldBe(["Follow up on proposal"]);
        (await client.SubjectsAsync($"/api/v1/activities?what_type=Account&what_id={world.AccountId}")).ShouldBe(["Kick-off meeting"]);
        // The same id under another type is another record.
        (await client.SubjectsAsync($"/api/v1/activities?what_type=Account&what_id={world.OpportunityId}")).ShouldBeEmpty();

        var read = await client.GetAsync($"/api/v1/activities/{task.Str("id")}").OkAsync();
        JsonNode.DeepEquals(read, task).ShouldBeTrue();
        (await client.GetAsync($"/api/v1/activities/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var missingId = await client.GetAsync($"/api/v1/activities?what_type=Opportunity").ProblemAsync();
        missingId.ErrorsFor("what_id").ShouldNotBeEmpty();
        var badType = await client.GetAsync($"/api/v1/activities?what_type=Invoice&what_id={world.AccountId}").ProblemAsync();
        badType.ErrorsFor("what_type").ShouldBe(["Related To type must be one of: Account, Opportunity, Case, Order."]);
    }

    [Fact]
    public async Task Tasks_are_validated_per_field()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;

        var empty = await client.PostJsonAsync("/api/v1/activities", new { }).ProblemAsync();
        empty.ErrorsFor("type").ShouldBe(["Type is required."]);
        empty.ErrorsFor("subject").ShouldBe(["Subject is required."]);
        empty.ErrorsFor("assigned_to_id").ShouldBe(["Assigned To is required."]);

        var task = await client.PostJsonAsync("/api/v1/activities", new
        {
            type = "Task",
            subject = new string('x', 256),
            assigned_to_id = world.User.Id,
            start_time = "2031-01-01T10:00:00Z",
            end_time = "2031-01-01T11:00:00Z",
            is_all_day_event = true,
            location = "Office",
        }).ProblemAsync();
        task.ErrorsFor("subject").ShouldBe(["Subject must be at most 255 characters."]);
        task.ErrorsFor("status").ShouldBe(["Status is required."]);
        task.ErrorsFor("priority").ShouldBe(["Priority is required."]);
        task.ErrorsFor("start_time").ShouldBe(["Start is only for events."]);
        task.ErrorsFor("end_time").ShouldBe(["End is only for events."]);
        task.ErrorsFor("is_all_day_event").ShouldBe(["All-Day Event is only for events."]);
        task.ErrorsFor("location").ShouldBe(["Location is only for events."]);

        var badStatus = await client.PostJsonAsync("/api/v1/activities", new { type = "Task", subject = "X", status = "Done", priority = "Normal", assigned_to_id = world.User.Id }).ProblemAsync();
        badStatus.ErrorsFor("status").ShouldNotBeEmpty();

        var links = await client.PostJsonAsync("/api/v1/activities", new
        {
            type = "Task",
            subject = "Links",
            status = "Not Started",
            priority = "Low",
            assigned_to_id = Guid.NewGuid(),
            what_type = "Account",
            who_id = world.ContactId,
        }).ProblemAsync();
        links.ErrorsFor("assigned_to_id").ShouldBe(["Assigned To must be an active user."]);
        links.ErrorsFor("what_id").ShouldBe(["Choose the Related To record."]);
        links.ErrorsFor("who_type").ShouldBe(["Say what kind of record the Name is."]);

        var unknown = await client.PostJsonAsync("/api/v1/activities", new
        {
            type = "Task",
            subject = "Unknown links",
            status = "Not Started",
            priority = "Low",
            assigned_to_id = world.User.Id,
            what_type = "Order",
            what_id = Guid.NewGuid(),
            who_type = "Lead",
            who_id = world.ContactId,
        }).ProblemAsync();
        unknown.ErrorsFor("what_id").ShouldBe(["No Order with this id."]);
        unknown.ErrorsFor("who_id").ShouldBe(["No Lead with this id."]);

        (await client.SubjectsAsync($"/api/v1/activities?assigned_to=me")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Events_are_validated_per_field_and_all_day_events_cover_whole_days()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;

        var missing = await client.PostJsonAsync("/api/v1/activities", new
        {
            type = "Event",
            subject = "Meeting",
            assigned_to_id = world.User.Id,
            status = "Completed",
            priority = "High",
            due_date = "2031-01-01",
        }).ProblemAsync();
        missing.ErrorsFor("start_time").ShouldBe(["Start is required."]);
        missing.ErrorsFor("end_time").ShouldBe(["End is required."]);
        missing.ErrorsFor("status").ShouldBe(["Status is only for tasks."]);
        missing.ErrorsFor("priority").ShouldBe(["Priority is only for tasks."]);
        missing.ErrorsFor("due_date").ShouldBe(["Due Date is only for tasks."]);

        var backwards = await client.PostJsonAsync("/api/v1/activities", new { type = "Event", subject = "Meeting", assigned_to_id = world.User.Id, start_time = "2031-01-01T10:00:00Z", end_time = "2031-01-01T10:00:00Z" }).ProblemAsync();
        backwards.ErrorsFor("end_time").ShouldBe(["End must be after Start."]);
        var allDayBackwards = await client.PostJsonAsync("/api/v1/activities", new { type = "Event", subject = "Offsite", assigned_to_id = world.User.Id, is_all_day_event = true, start_time = "2031-01-02T00:00:00Z", end_time = "2031-01-01T00:00:00Z" }).ProblemAsync();
        allDayBackwards.ErrorsFor("end_time").ShouldBe(["End must not be before Start."]);

        var offsite = await client.EventAsync(world.User.Id, "Offsite", "2031-01-05T15:00:00Z", "2031-01-06T09:00:00Z", new { is_all_day_event = true });
        offsite.Str("start_time").ShouldBe("2031-01-05T00:00:00Z");
        offsite.Str("end_time").ShouldBe("2031-01-06T00:00:00Z");
        offsite["is_all_day_event"]!.GetValue<bool>().ShouldBeTrue();
        offsite["is_closed"]!.GetValue<bool>().ShouldBeFalse();
        var oneDay = await client.EventAsync(world.User.Id, "Workshop day", "2031-01-07T00:00:00Z", "2031-01-07T00:00:00Z", new { is_all_day_event = true });
        oneDay.Str("end_time").ShouldBe("2031-01-07T00:00:00Z");

        var past = await client.EventAsync(world.User.Id, "Last year's review", "2020-01-01T09:00:00Z", "2020-01-01T10:00:00Z");
        past["is_closed"]!.GetValue<bool>().ShouldBeTrue();

        // Fields of the other type stay refused on edits, and the type never changes.
        var edit = await client.PutJsonAsync($"/api/v1/activities/{offsite.Str("id")}", new { due_date = "2031-01-05", type = "Task", version = 1 }).ProblemAsync();
        edit.ErrorsFor("due_date").ShouldBe(["Due Date is only for tasks."]);
        edit.ErrorsFor("type").ShouldBe(["The type of an activity can't change."]);
        var moved = await client.PutJsonAsync($"/api/v1/activities/{offsite.Str("id")}", new { is_all_day_event = false, start_time = "2031-01-05T13:00:00Z", end_time = "2031-01-05T17:00:00Z", version = 1 }).OkAsync();
        moved.Str("start_time").ShouldBe("2031-01-05T13:00:00Z");
        moved["is_all_day_event"]!.GetValue<bool>().ShouldBeFalse();
        moved.Int("version").ShouldBe(2);
    }

    [Fact]
    public async Task The_calendar_range_holds_the_events_overlapping_it_and_the_tasks_due_in_it()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        var me = world.User.Id;
        await client.EventAsync(me, "starts before, ends inside", "2031-03-09T22:00:00Z", "2031-03-10T01:00:00Z");
        await client.EventAsync(me, "starts inside, ends after", "2031-03-16T23:00:00Z", "2031-03-17T02:00:00Z");
        await client.EventAsync(me, "covers the range", "2031-03-01T00:00:00Z", "2031-03-31T00:00:00Z");
        await client.EventAsync(me, "ends at the range start", "2031-03-09T09:00:00Z", "2031-03-10T00:00:00Z");
        await client.EventAsync(me, "starts at the range end", "2031-03-17T00:00:00Z", "2031-03-17T01:00:00Z");
        await client.EventAsync(me, "all-day on the last day", "2031-03-16T00:00:00Z", "2031-03-16T00:00:00Z", new { is_all_day_event = true });
        await client.EventAsync(me, "all-day the day before", "2031-03-09T00:00:00Z", "2031-03-09T00:00:00Z", new { is_all_day_event = true });
        await client.TaskAsync(me, "due on the first day", new { due_date = "2031-03-10" });
        await client.TaskAsync(me, "due on the last day", new { due_date = "2031-03-16" });
        await client.TaskAsync(me, "due the day after", new { due_date = "2031-03-17" });
        await client.TaskAsync(me, "due the day before", new { due_date = "2031-03-09" });
        await client.TaskAsync(me, "no due date");

        var week = await client.SubjectsAsync("/api/v1/activities?assigned_to=me&start_date=2031-03-10&end_date=2031-03-16");
        week.ShouldBe(
            ["covers the range", "starts before, ends inside", "due on the first day", "all-day on the last day", "due on the last day", "starts inside, ends after"],
            ignoreOrder: true);

        // The calendar asks for events only, by instant: 12:00-13:00 on the 10th.
        var noon = await client.SubjectsAsync("/api/v1/activities?assigned_to=me&type=Event&start_date=2031-03-10T12:00:00Z&end_date=2031-03-10T13:00:00Z");
        noon.ShouldBe(["covers the range"]);
        var tasksThatDay = await client.SubjectsAsync("/api/v1/activities?assigned_to=me&type=Task&start_date=2031-03-10T12:00:00Z&end_date=2031-03-10T13:00:00Z");
        tasksThatDay.ShouldBe(["due on the first day"]);

        // Default order: when it happens (start or due date, undated last), then oldest first.
        var tasks = await client.SubjectsAsync("/api/v1/activities?assigned_to=me&type=Task");
        tasks.ShouldBe(["due the day before", "due on the first day", "due on the last day", "due the day after", "no due date"]);
        var latestFirst = await client.SubjectsAsync("/api/v1/activities?assigned_to=me&type=Task&sort=-due_date&start_date=2031-03-01");
        latestFirst.ShouldBe(["due the day after", "due on the last day", "due on the first day", "due the day before"]);

        var open = await client.SubjectsAsync("/api/v1/activities?assigned_to=me&start_date=2031-03-17");
        open.ShouldBe(["covers the range", "starts inside, ends after", "starts at the range end", "due the day after"], ignoreOrder: true);

        (await client.GetAsync("/api/v1/activities?start_date=tomorrow").ProblemAsync()).ErrorsFor("start_date").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/activities?start_date=2031-03-10&end_date=2031-03-01").ProblemAsync()).ErrorsFor("end_date")
            .ShouldBe(["End date must be after the start date."]);
        (await client.GetAsync("/api/v1/activities?sort=location").ProblemAsync()).ErrorsFor("sort").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_to_do_list_is_my_open_tasks()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var colleague = await TestUsers.CreateAsync(fixture);
        await ActivityTestData.WaitForUserAsync(fixture, colleague.Id);
        var client = world.Client;
        var me = world.User.Id;

        var mine = await client.TaskAsync(me, "Send the proposal", new { due_date = "2020-02-01" });
        await client.TaskAsync(me, "Book the venue", new { due_date = "2031-02-01", status = "Waiting on someone else" });
        var done = await client.TaskAsync(me, "Already done", new { due_date = "2020-01-01" });
        await client.TaskAsync(colleague.Id, "Colleague's task");
        await client.EventAsync(me, "A meeting", "2031-02-02T10:00:00Z", "2031-02-02T11:00:00Z");

        mine["is_overdue"]!.GetValue<bool>().ShouldBeTrue();
        var completed = await client.PutJsonAsync($"/api/v1/activities/{done.Str("id")}", new { status = "Completed", version = 1 }).OkAsync();
        completed.Str("status").ShouldBe("Completed");
        completed["is_closed"]!.GetValue<bool>().ShouldBeTrue();
        completed["is_overdue"]!.GetValue<bool>().ShouldBeFalse();
        completed.Int("version").ShouldBe(2);

        (await client.SubjectsAsync("/api/v1/activities?type=Task&assigned_to=me&status_ne=Completed")).ShouldBe(["Send the proposal", "Book the venue"]);
        (await client.SubjectsAsync("/api/v1/activities?assigned_to=me&status_ne=Completed")).ShouldBe(["Send the proposal", "Book the venue", "A meeting"]);
        (await client.SubjectsAsync("/api/v1/activities?assigned_to=me&status=Completed")).ShouldBe(["Already done"]);
        (await client.SubjectsAsync($"/api/v1/activities?assigned_to={colleague.Id}")).ShouldBe(["Colleague's task"]);
        (await client.SubjectsAsync("/api/v1/activities?assigned_to=me&q=PROPOSAL")).ShouldBe(["Send the proposal"]);
        (await client.SubjectsAsync("/api/v1/activities?assigned_to=me&type=Task&sort=subject")).ShouldBe(["Already done", "Book the venue", "Send the proposal"]);
        (await client.GetAsync("/api/v1/activities?assigned_to=someone").ProblemAsync()).ErrorsFor("assigned_to").ShouldBe(["Assigned To must be a user id or \"me\"."]);
        (await client.GetAsync("/api/v1/activities?status_ne=Finished").ProblemAsync()).ErrorsFor("status_ne").ShouldNotBeEmpty();

        // The colleague sees theirs as "me".
        var theirs = fixture.CreateClient().WithBearer(colleague.Token);
        (await theirs.SubjectsAsync("/api/v1/activities?assigned_to=me")).ShouldBe(["Colleague's task"]);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_with_the_current_activity()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        var task = await client.TaskAsync(world.User.Id, "Draft the brief");
        var url = $"/api/v1/activities/{task.Str("id")}";

        var updated = await client.PutJsonAsync(url, new { subject = "Draft the creative brief", status = "In Progress", version = 1 }).OkAsync();
        updated.Str("subject").ShouldBe("Draft the creative brief");
        updated.Str("priority").ShouldBe("Normal");

        var stale = await client.PutJsonAsync(url, new { status = "Completed", version = 1 }).ProblemAsync(HttpStatusCode.Conflict);
        stale["current"]!.Str("status").ShouldBe("In Progress");
        stale["current"]!.Int("version").ShouldBe(2);
        (await client.GetAsync(url).OkAsync()).Str("status").ShouldBe("In Progress");

        (await client.PutJsonAsync(url, new { status = "Completed" }).ProblemAsync()).ErrorsFor("version").ShouldBe(["Version is required."]);
        (await client.PutJsonAsync(url, new { subject = (string?)null, version = 2 }).ProblemAsync()).ErrorsFor("subject").ShouldBe(["Subject is required."]);
        (await client.PutJsonAsync($"/api/v1/activities/{Guid.NewGuid()}", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Clearing a link takes both halves.
        var linked = await client.PutJsonAsync(url, new { what_type = "Account", what_id = world.AccountId, version = 2 }).OkAsync();
        linked.Str("what_name").ShouldBe(world.Account.Str("name"));
        (await client.PutJsonAsync(url, new { what_id = (string?)null, version = 3 }).ProblemAsync()).ErrorsFor("what_id").ShouldBe(["Choose the Related To record."]);
        var cleared = await client.PutJsonAsync(url, new { what_id = (string?)null, what_type = (string?)null, version = 3 }).OkAsync();
        cleared["what_name"].ShouldBeNull();
    }

    [Fact]
    public async Task The_related_records_lookup_searches_every_kind_of_record_by_name()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var world = await ActivityTestData.SalesWorldAsync(fixture, $"Zq{tag} Bakery");
        var client = world.Client;
        var contact = await client.PostJsonAsync("/api/v1/contacts", new { first_name = "Sam", last_name = $"Zq{tag}", account_id = world.AccountId }).CreatedAsync();
        var opportunity = await client.PostJsonAsync("/api/v1/opportunities", new { name = $"Zq{tag} website", stage = "Proposal", account_id = world.AccountId }).CreatedAsync();
        var lead = await client.PostJsonAsync("/api/v1/leads", new { first_name = "Lee", last_name = $"Zq{tag}", company = "Crumbs Ltd", status = "New" }).CreatedAsync();
        var inactive = await client.PostJsonAsync("/api/v1/contacts", new { first_name = "Gone", last_name = $"Zq{tag}x", account_id = world.AccountId }).CreatedAsync();
        await client.PutJsonAsync($"/api/v1/contacts/{inactive.Str("id")}", new { is_active = false, version = 1 }).OkAsync();
        var opened = await client.PostJsonAsync("/api/v1/cases", new { subject = $"Zq{tag} oven broken", status = "New", priority = "High", account_id = world.AccountId }).CreatedAsync();
        await ActivityTestData.WaitForRecordAsync(fixture, "Contact", contact.Str("id"));
        await ActivityTestData.WaitForRecordAsync(fixture, "Opportunity", opportunity.Str("id"));
        await ActivityTestData.WaitForRecordAsync(fixture, "Lead", lead.Str("id"));
        await ActivityTestData.WaitForRecordAsync(fixture, "Contact", inactive.Str("id"), 2);

        var what = (await client.GetAsync($"/api/v1/activities/related-records?types=Account,Opportunity,Case,Order&q=zq{tag}").OkAsync()).AsArray();
        what.Select(r => r!).Select(r => (r.Str("type"), r.Str("name"), r["detail"]?.GetValue<string>())).ShouldBe(
        [
            ("Account", $"Zq{tag} Bakery", "Account"),
            ("Case", $"Zq{tag} oven broken", opened.Str("case_number")),
            ("Opportunity", $"Zq{tag} website", $"Zq{tag} Bakery"),
        ]);
        what[0]!.Str("id").ShouldBe(world.AccountId);

        var who = (await client.GetAsync($"/api/v1/activities/related-records?types=Contact,Lead&q=ZQ{tag}").OkAsync()).AsArray();
        who.Select(r => r!).Select(r => (r.Str("type"), r.Str("name"), r["detail"]?.GetValue<string>())).ShouldBe(
        [
            ("Lead", $"Lee Zq{tag}", "Crumbs Ltd"),
            ("Contact", $"Sam Zq{tag}", $"Zq{tag} Bakery"),
        ]);

        // A case is found by its number too; every type at once when none is named.
        var byNumber = (await client.GetAsync($"/api/v1/activities/related-records?q={opened.Str("case_number")}").OkAsync()).AsArray();
        byNumber.Select(r => r!.Str("id")).ShouldContain(opened.Str("id"));
        (await client.GetAsync("/api/v1/activities/related-records?q=a").OkAsync()).AsArray().Count.ShouldBeLessThanOrEqualTo(20);
        (await client.GetAsync("/api/v1/activities/related-records?types=Account,Invoice").ProblemAsync()).ErrorsFor("types")
            .ShouldBe(["Each type must be one of: Account, Opportunity, Case, Order, Contact, Lead."]);
    }

    [Fact]
    public async Task Any_user_finds_a_colleague_to_assign_work_to()
    {
        var me = await TestUsers.CreateAsync(fixture);
        var colleague = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(me.Token);

        // Not an admin, yet the lookup answers: from the Activities user directory, fed by Identity's events.
        var found = await Eventually.WaitForAsync(
            async () => (await client.GetAsync($"/api/v1/activities/assignees?q={colleague.Email[..12]}").OkAsync()).AsArray(),
            users => users.Count == 1,
            TimeSpan.FromSeconds(30),
            "the colleague in the assignees lookup");
        found[0]!.Str("id").ShouldBe(colleague.Id.ToString());
        found[0]!.Str("name").ShouldBe("Test User " + colleague.Email[..6]);
        found[0]!.Str("email").ShouldBe(colleague.Email);

        (await client.GetAsync("/api/v1/activities/assignees?q=no-such-person-here").OkAsync()).AsArray().ShouldBeEmpty();
        (await fixture.CreateClient().GetAsync("/api/v1/activities/assignees")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_account_timeline_rolls_up_the_activities_of_its_contacts_opportunities_and_cases()
    {
        var world = await ActivityTestData.SalesWorldAsync(fixture);
        var other = await ActivityTestData.SalesWorldAsync(fixture);
        var client = world.Client;
        var opened = await client.PostJsonAsync("/api/v1/cases", new { subject = "Site down", status = "New", priority = "High", account_id = world.AccountId }).CreatedAsync();

        await client.TaskAsync(world.User.Id, "On the account", new { what_type = "Account", what_id = world.AccountId });
        await client.TaskAsync(world.User.Id, "On the deal", new { what_type = "Opportunity", what_id = world.OpportunityId });
        await client.EventAsync(world.User.Id, "Meet the contact", "2031-03-01T10:00:00Z", "2031-03-01T11:00:00Z", new { who_type = "Contact", who_id = world.ContactId });
        await client.TaskAsync(world.User.Id, "On the case", new { what_type = "Case", what_id = opened.Str("id") });
        await client.TaskAsync(world.User.Id, "Another account's deal", new { what_type = "Opportunity", what_id = other.OpportunityId });
        await client.TaskAsync(world.User.Id, "Nothing linked");

        var subjects = await client.SubjectsAsync($"/api/v1/activities?account_id={world.AccountId}&sort=subject");
        subjects.ShouldBe(["Meet the contact", "On the account", "On the case", "On the deal"]);
        (await client.SubjectsAsync($"/api/v1/activities?account_id={other.AccountId}")).ShouldBe(["Another account's deal"]);
    }
}
