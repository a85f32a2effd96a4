using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

/// <summary>
/// Workflow 4 and the support queue in the UI. An account with a contact and an opportunity (set up
/// through the API) get a task from the opportunity's Activity card, linked to the contact: it shows
/// on both timelines and in My Tasks, where it is completed. An event made on the Calendar tab is on
/// the calendar and in today's agenda. A case opened from the Cases tab (account and contact chosen
/// in its lookups) is closed from its record page and listed on the account.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ActivitiesTests(CrmFixture crm, BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    private static readonly Dictionary<string, string> CsrfHeader = new() { ["X-Requested-With"] = "XMLHttpRequest" };

    private async Task<IPage> LoggedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm);
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();
        return page;
    }

    /// <summary>The API with the page's own session cookie (the gateway rate-limits logins).</summary>
    private async Task<JsonElement> PostJsonAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync($"{crm.GatewayUrl}/{path}", new() { DataObject = body, Headers = CsrfHeader });
        response.Ok.ShouldBeTrue($"POST {path}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    private async Task<JsonElement> GetJsonAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync($"{crm.GatewayUrl}/{path}");
        response.Ok.ShouldBeTrue($"GET {path}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>
    /// Activities learns of accounts, contacts and opportunities from Sales' events: wait until its
    /// lookup finds the record before the UI links to it.
    /// </summary>
    private async Task WaitForDirectoryAsync(IPage page, string type, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = await GetJsonAsync(page, $"api/v1/activities/related-records?types={type}&q={Uri.EscapeDataString(name)}");
            if (found.EnumerateArray().Any(r => r.GetProperty("name").GetString() == name))
            {
                return;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"Activities never heard of the {type} \"{name}\".");
            await Task.Delay(500);
        }
    }

    private static ILocator Nav(IPage page, string tab) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = tab, Exact = true });

    private static ILocator Timeline(IPage page) => page.GetByTestId("activity-timeline");

    /// <summary>Toasts stack over the header; close them so screenshots show the page.</summary>
    private static async Task CloseToastsAsync(IPage page)
    {
        var close = page.Locator(".slds-notify_toast button[title='Close']");
        while (await close.CountAsync() > 0)
        {
            await close.First.ClickAsync();
        }
    }

    /// <summary>Types into a lookup and picks the match whose text contains <paramref name="name"/>.</summary>
    private static async Task ChooseAsync(ILocator dialog, string lookup, string name)
    {
        var input = dialog.GetByRole(AriaRole.Combobox, new() { Name = lookup, Exact = true });
        await input.FillAsync(name);
        await dialog.GetByRole(AriaRole.Option).Filter(new() { HasText = name }).First.ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(name);
    }

    [Fact]
    public async Task A_task_from_an_opportunity_shows_on_both_timelines_and_is_completed_from_my_tasks()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var accountName = $"Timeline Co {suffix}";
        var contactName = $"Tina Timeline{suffix}";
        var opportunityName = $"{accountName}-Website";
        var subject = $"Follow up on proposal {suffix}";

        var page = await LoggedInPageAsync();
        var accountId = (await PostJsonAsync(page, "api/v1/accounts", new { name = accountName })).GetProperty("id").GetString()!;
        var contactId = (await PostJsonAsync(page, "api/v1/contacts", new { first_name = "Tina", last_name = $"Timeline{suffix}", account_id = accountId })).GetProperty("id").GetString()!;
        var opportunityId = (await PostJsonAsync(page, "api/v1/opportunities", new
        {
            name = opportunityName,
            stage = "Qualifying",
            account_id = accountId,
            close_date = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        })).GetProperty("id").GetString()!;
        await WaitForDirectoryAsync(page, "Opportunity", opportunityName);
        await WaitForDirectoryAsync(page, "Contact", contactName);

        // New Task from the opportunity's Activity card: Related To is the opportunity; Name the contact.
        await page.OpenAsync($"{crm.GatewayUrl}/opportunities/{opportunityId}");
        await page.GetByRole(AriaRole.Heading, new() { Name = opportunityName, Level = 1 }).WaitForAsync();
        await Timeline(page).GetByText("No next steps.").WaitForAsync();
        await Timeline(page).GetByRole(AriaRole.Button, new() { Name = "New Task" }).ClickAsync();
        var newTask = page.GetByRole(AriaRole.Dialog, new() { Name = "New Task" });
        await Assertions.Expect(newTask.GetByRole(AriaRole.Combobox, new() { Name = "Related To", Exact = true })).ToHaveValueAsync(opportunityName);
        await Assertions.Expect(newTask.GetByRole(AriaRole.Combobox, new() { Name = "Assigned To", Exact = true })).Not.ToHaveValueAsync("");
        await newTask.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await newTask.GetByText("Complete this field.").WaitForAsync();
        await newTask.GetByRole(AriaRole.Textbox, new() { Name = "Subject" }).FillAsync(subject);
        await newTask.GetByLabel("Due Date").FillAsync(DateTime.Now.ToString("yyyy-MM-dd"));
        await newTask.GetByRole(AriaRole.Combobox, new() { Name = "Priority", Exact = true }).SelectOptionAsync("High");
        await ChooseAsync(newTask, "Name", contactName);
        await page.ScreenshotAsync(new() { Path = Shot("activities-new-task.png") });
        await newTask.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await newTask.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.GetByText($"Task \"{subject}\" was created.").WaitForAsync();

        // On the opportunity's timeline, under Upcoming & Overdue, with the contact named.
        var onOpportunity = Timeline(page).GetByTestId("timeline-item").Filter(new() { HasText = subject });
        await onOpportunity.WaitForAsync();
        await onOpportunity.GetByRole(AriaRole.Link, new() { Name = contactName }).WaitForAsync();
        await onOpportunity.GetByText("Today").WaitForAsync();
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("activities-opportunity-timeline.png"), FullPage = true });
        var created = await GetJsonAsync(page, $"api/v1/activities?what_type=Opportunity&what_id={opportunityId}");
        var task = created.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("subject").GetString() == subject);
        task.GetProperty("who_id").GetString().ShouldBe(contactId);
        task.GetProperty("who_type").GetString().ShouldBe("Contact");
        task.GetProperty("priority").GetString().ShouldBe("High");
        var taskId = task.GetProperty("id").GetString()!;

        // On the contact's timeline too (who_type/who_id), about the opportunity.
        await onOpportunity.GetByRole(AriaRole.Link, new() { Name = contactName }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contactId}$"));
        // The opportunity's timeline shows the same item: look only once the contact's page has replaced it.
        await page.GetByRole(AriaRole.Heading, new() { Name = contactName, Level = 1 }).WaitForAsync();
        var onContact = Timeline(page).GetByTestId("timeline-item").Filter(new() { HasText = subject });
        await onContact.WaitForAsync();
        await onContact.GetByRole(AriaRole.Link, new() { Name = opportunityName }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("activities-contact-timeline.png"), FullPage = true });

        // My Tasks: listed (open, due today); completing it takes it off the open list.
        await Nav(page, "Tasks").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "My Open Tasks" }).WaitForAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = subject });
        await row.WaitForAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = opportunityName }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Today", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Today's Tasks" }).WaitForAsync();
        await row.WaitForAsync();
        await Assertions.Expect(page.Locator(".slds-spinner")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("activities-my-tasks.png") });
        var complete = row.GetByRole(AriaRole.Checkbox, new() { Name = $"Mark {subject} complete" });
        await Assertions.Expect(complete).Not.ToBeCheckedAsync();
        await complete.ClickAsync();
        await page.GetByText($"Task \"{subject}\" was completed.").WaitForAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await GetJsonAsync(page, $"api/v1/activities/{taskId}")).GetProperty("status").GetString().ShouldBe("Completed");

        // All shows it again, completed; its record page says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "All", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "All My Tasks" }).WaitForAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/activities/{taskId}$"));
        await page.GetByTestId("task-status").GetByText("Completed").WaitForAsync();
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("activities-task-record.png"), FullPage = true });

        // Back on the opportunity it has moved to past activity, checked.
        await page.OpenAsync($"{crm.GatewayUrl}/opportunities/{opportunityId}");
        var done = Timeline(page).GetByTestId("timeline-item").Filter(new() { HasText = subject });
        await Assertions.Expect(done.GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
        await Timeline(page).GetByText("No next steps.").WaitForAsync();
    }

    /// <summary>Drags the week view's event by its middle so that it starts at <paramref name="slotTime"/> (same day), as a hand would: press, move in steps, release.</summary>
    private static async Task DragEventAsync(IPage page, string subject, string slotTime)
    {
        var calendarEvent = page.Locator(".fc-timegrid-event").Filter(new() { HasText = subject });
        var from = (await calendarEvent.BoundingBoxAsync())!;
        var slot = (await page.Locator($"td.fc-timegrid-slot-lane[data-time='{slotTime}']").BoundingBoxAsync())!;
        var x = from.X + (from.Width / 2);
        var grabY = from.Y + (from.Height / 2);
        var dropY = slot.Y + (from.Height / 2);
        await page.Mouse.MoveAsync(x, grabY);
        await page.Mouse.DownAsync();
        for (var step = 1; step <= 10; step++)
        {
            await page.Mouse.MoveAsync(x, grabY + ((dropY - grabY) * step / 10));
            await Task.Delay(30);
        }

        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task An_event_made_on_the_calendar_is_on_the_calendar_and_in_todays_agenda()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var subject = $"Design review {suffix}";
        var today = DateTime.Now.ToString("yyyy-MM-dd");

        var page = await LoggedInPageAsync();
        await Nav(page, "Calendar").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/calendar$"));
        await page.Locator(".fc-daygrid-day").First.WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New Event" }).ClickAsync();

        var newEvent = page.GetByRole(AriaRole.Dialog, new() { Name = "New Event" });
        await newEvent.GetByRole(AriaRole.Textbox, new() { Name = "Subject" }).FillAsync(subject);
        await newEvent.GetByLabel("Start").FillAsync($"{today}T14:00");
        await newEvent.GetByLabel("End").FillAsync($"{today}T13:00");
        await newEvent.GetByRole(AriaRole.Textbox, new() { Name = "Location" }).FillAsync("Studio");
        await newEvent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await newEvent.GetByText("The end must be after the start.").WaitForAsync();
        await newEvent.GetByLabel("End").FillAsync($"{today}T15:00");
        await page.ScreenshotAsync(new() { Path = Shot("activities-new-event.png") });
        await newEvent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await newEvent.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.GetByText($"Event \"{subject}\" was created.").WaitForAsync();

        // On the month view, then the week view.
        await page.Locator(".fc-event").Filter(new() { HasText = subject }).WaitForAsync();
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("activities-calendar-month.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Week", Exact = true }).ClickAsync();
        await page.Locator(".fc-timegrid-event").Filter(new() { HasText = subject }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("activities-calendar-week.png") });

        // The day in the browser's (and this machine's) time zone, as moments.
        var dayStart = DateTime.Parse(today).ToUniversalTime();
        var range = $"start_date={Uri.EscapeDataString(dayStart.ToString("o"))}&end_date={Uri.EscapeDataString(dayStart.AddDays(1).ToString("o"))}";
        var events = await GetJsonAsync(page, $"api/v1/activities?type=Event&assigned_to=me&{range}");
        var saved = events.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("subject").GetString() == subject);
        saved.GetProperty("location").GetString().ShouldBe("Studio");
        saved.GetProperty("is_all_day_event").GetBoolean().ShouldBeFalse();
        DateTimeOffset.Parse(saved.GetProperty("start_time").GetString()!).UtcDateTime.ShouldBe(DateTime.Parse($"{today}T14:00:00").ToUniversalTime());
        DateTimeOffset.Parse(saved.GetProperty("end_time").GetString()!).UtcDateTime.ShouldBe(DateTime.Parse($"{today}T15:00:00").ToUniversalTime());
        var eventId = saved.GetProperty("id").GetString()!;

        // Dragged an hour later on the week view: saved with the version it was read at.
        await DragEventAsync(page, subject, "15:00:00");
        await page.GetByText($"\"{subject}\" was rescheduled.").WaitForAsync();
        var moved = await GetJsonAsync(page, $"api/v1/activities/{eventId}");
        DateTimeOffset.Parse(moved.GetProperty("start_time").GetString()!).UtcDateTime.ShouldBe(DateTime.Parse($"{today}T15:00:00").ToUniversalTime());
        DateTimeOffset.Parse(moved.GetProperty("end_time").GetString()!).UtcDateTime.ShouldBe(DateTime.Parse($"{today}T16:00:00").ToUniversalTime());
        moved.GetProperty("version").GetInt32().ShouldBe(2);
        await CloseToastsAsync(page);

        // Someone else changes it meanwhile: the next drag is refused, explained, and put back.
        var theirs = await page.APIRequest.PutAsync($"{crm.GatewayUrl}/api/v1/activities/{eventId}", new() { DataObject = new { location = "Board room", version = 2 }, Headers = CsrfHeader });
        theirs.Ok.ShouldBeTrue(await theirs.TextAsync());
        await DragEventAsync(page, subject, "17:00:00");
        await page.GetByText($"\"{subject}\" was changed by someone else.").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("activities-calendar-conflict.png") });
        var kept = await GetJsonAsync(page, $"api/v1/activities/{eventId}");
        DateTimeOffset.Parse(kept.GetProperty("start_time").GetString()!).UtcDateTime.ShouldBe(DateTime.Parse($"{today}T15:00:00").ToUniversalTime());
        kept.GetProperty("location").GetString().ShouldBe("Board room");
        kept.GetProperty("version").GetInt32().ShouldBe(3);
        await CloseToastsAsync(page);

        // Home: today's agenda lists it at its new time.
        await Nav(page, "Home").ClickAsync();
        var agenda = page.GetByTestId("agenda-item").Filter(new() { HasText = subject });
        await agenda.WaitForAsync();
        await agenda.GetByText(new Regex(@"3:00\sPM")).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("activities-home-agenda.png"), FullPage = true });
    }

    [Fact]
    public async Task A_case_is_opened_from_the_queue_and_closed_from_its_record_page()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var accountName = $"Support Co {suffix}";
        var contactName = $"Sam Support{suffix}";
        var subject = $"Contact form not sending email {suffix}";

        var page = await LoggedInPageAsync();
        var accountId = (await PostJsonAsync(page, "api/v1/accounts", new { name = accountName })).GetProperty("id").GetString()!;
        await PostJsonAsync(page, "api/v1/contacts", new { first_name = "Sam", last_name = $"Support{suffix}", account_id = accountId });
        await WaitForDirectoryAsync(page, "Account", accountName);
        await WaitForDirectoryAsync(page, "Contact", contactName);

        await Nav(page, "Cases").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cases$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "All Open Cases" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("activities-cases-list.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "New", Exact = true }).ClickAsync();

        var newCase = page.GetByRole(AriaRole.Dialog, new() { Name = "New Case" });
        await Assertions.Expect(newCase.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true })).ToHaveValueAsync("New");
        await newCase.GetByRole(AriaRole.Textbox, new() { Name = "Subject" }).FillAsync(subject);
        await newCase.GetByRole(AriaRole.Combobox, new() { Name = "Priority", Exact = true }).SelectOptionAsync("High");
        await ChooseAsync(newCase, "Account Name", accountName);
        // The contact lookup offers the chosen account's contacts.
        await newCase.GetByRole(AriaRole.Combobox, new() { Name = "Contact Name", Exact = true }).ClickAsync();
        await newCase.GetByRole(AriaRole.Option).Filter(new() { HasText = contactName }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Shot("activities-new-case.png") });
        await newCase.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-fA-F-]{36}$"));
        var caseId = new Uri(page.Url).AbsolutePath.Split('/').Last();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).Filter(new() { HasText = subject }).WaitForAsync();
        await page.GetByTestId("case-status").GetByText("New").WaitForAsync();
        var path = page.GetByRole(AriaRole.Listbox, new() { Name = "Status path" });
        await Assertions.Expect(path.GetByRole(AriaRole.Option, new() { Name = "New" })).ToHaveAttributeAsync("aria-selected", "true");
        var opened = await GetJsonAsync(page, $"api/v1/cases/{caseId}");
        opened.GetProperty("account_id").GetString().ShouldBe(accountId);
        opened.GetProperty("contact_name").GetString().ShouldBe(contactName);
        opened.GetProperty("priority").GetString().ShouldBe("High");
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("activities-case-record.png"), FullPage = true });

        // The status path moves it to In Progress; Close Case closes it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark Status as Complete" }).ClickAsync();
        await page.GetByTestId("case-status").GetByText("In Progress").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close Case" }).ClickAsync();
        await page.GetByTestId("case-status").GetByText("Closed").WaitForAsync();
        var closed = await GetJsonAsync(page, $"api/v1/cases/{caseId}");
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("closed_at").ValueKind.ShouldBe(JsonValueKind.String);
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("activities-case-closed.png") });

        // The account's Related tab lists it.
        await page.GetByRole(AriaRole.Link, new() { Name = accountName }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/accounts/{accountId}$"));
        await page.GetByRole(AriaRole.Tab, new() { Name = "Related" }).ClickAsync();
        var cases = page.GetByRole(AriaRole.Table, new() { Name = "Cases" });
        await cases.GetByRole(AriaRole.Row).Filter(new() { HasText = subject }).GetByText("Closed").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("activities-account-cases.png"), FullPage = true });

        // "View All" opens the queue filtered to the account, closed cases included.
        await page.GetByRole(AriaRole.Link, new() { Name = "View All Cases" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cases\\?account_id={accountId}&status=all$"));
        var queue = page.GetByRole(AriaRole.Table, new() { Name = "Cases" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "0000" });
        await Assertions.Expect(queue).ToHaveCountAsync(1);
        await queue.GetByText(subject).WaitForAsync();
        await Assertions.Expect(page.Locator(".crm-filter_lookup input")).ToHaveValueAsync(accountName);
        await page.ScreenshotAsync(new() { Path = Shot("activities-cases-by-account.png") });
    }
}
