using Crm.Activities.Model;
using Crm.ServiceDefaults.Http;
using Shouldly;

namespace Crm.UnitTests.Activities;

public sealed class ActivityTests
{
    private static readonly DateTime Now = new(2031, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid User = Guid.NewGuid();

    private static ActivityFields NewTask(DateOnly? due = null) => new()
    {
        Type = ActivityType.Task,
        Subject = " Follow up ",
        Status = ActivityStatus.NotStarted,
        Priority = ActivityPriority.Normal,
        DueDate = due,
        AssignedToId = User,
    };

    private static ActivityFields NewEvent(DateTime start, DateTime end, bool allDay = false) => new()
    {
        Type = ActivityType.Event,
        Subject = "Meeting",
        StartTime = start,
        EndTime = end,
        IsAllDayEvent = allDay,
        AssignedToId = User,
    };

    private static IReadOnlyDictionary<string, string[]> Errors(ActivityFields fields)
    {
        var errors = new ValidationErrors();
        Activity.Validate(errors, fields);
        return errors.ToDictionary();
    }

    [Fact]
    public void A_valid_task_and_event_have_no_errors()
    {
        Errors(NewTask()).ShouldBeEmpty();
        Errors(NewEvent(Now, Now.AddHours(1))).ShouldBeEmpty();
        Errors(NewEvent(Now, Now, allDay: true)).ShouldBeEmpty();
    }

    [Fact]
    public void A_task_needs_status_and_priority_and_refuses_event_fields()
    {
        var errors = Errors(NewTask() with { Status = null, Priority = null, StartTime = Now, EndTime = Now, IsAllDayEvent = true, Location = "Office" });

        errors["status"].ShouldBe(["Status is required."]);
        errors["priority"].ShouldBe(["Priority is required."]);
        errors["start_time"].ShouldBe(["Start is only for events."]);
        errors["end_time"].ShouldBe(["End is only for events."]);
        errors["is_all_day_event"].ShouldBe(["All-Day Event is only for events."]);
        errors["location"].ShouldBe(["Location is only for events."]);
        // "No" to all-day and an empty location are no event fields.
        Errors(NewTask() with { IsAllDayEvent = false, Location = " " }).ShouldBeEmpty();
    }

    [Fact]
    public void An_event_needs_a_start_before_its_end_and_refuses_task_fields()
    {
        var errors = Errors(NewEvent(Now, Now) with { Status = ActivityStatus.Completed, Priority = ActivityPriority.High, DueDate = new DateOnly(2031, 1, 1) });

        errors["end_time"].ShouldBe(["End must be after Start."]);
        errors["status"].ShouldBe(["Status is only for tasks."]);
        errors["priority"].ShouldBe(["Priority is only for tasks."]);
        errors["due_date"].ShouldBe(["Due Date is only for tasks."]);
        Errors(NewEvent(Now, Now.AddDays(-1), allDay: true))["end_time"].ShouldBe(["End must not be before Start."]);
        var missing = Errors(NewEvent(Now, Now) with { StartTime = null, EndTime = null });
        missing["start_time"].ShouldBe(["Start is required."]);
        missing["end_time"].ShouldBe(["End is required."]);
    }

    [Fact]
    public void Common_fields_and_links_are_checked_for_both_types()
    {
        var errors = Errors(new ActivityFields { Subject = new string('x', 256), WhatType = WhatType.Account, WhoId = Guid.NewGuid(), Status = (ActivityStatus)42 });

        errors["type"].ShouldBe(["Type is required."]);
        errors["subject"].ShouldBe(["Subject must be at most 255 characters."]);
        errors["assigned_to_id"].ShouldBe(["Assigned To is required."]);
        errors["what_id"].ShouldBe(["Choose the Related To record."]);
        errors["who_type"].ShouldBe(["Say what kind of record the Name is."]);
        errors["status"].ShouldBe(["Status must be one of: Not Started, In Progress, Completed, Waiting on someone else, Deferred."]);
    }

    [Fact]
    public void All_day_events_are_stored_from_midnight_of_the_first_day_to_midnight_of_the_last()
    {
        var offsite = Activity.Create(NewEvent(Now, Now.AddDays(1).AddHours(3), allDay: true), User, Now);

        offsite.StartTime.ShouldBe(new DateTime(2031, 3, 10, 0, 0, 0, DateTimeKind.Utc));
        offsite.EndTime.ShouldBe(new DateTime(2031, 3, 11, 0, 0, 0, DateTimeKind.Utc));
        offsite.ScheduledAt.ShouldBe(offsite.StartTime);
        Activity.EffectiveEnd(offsite.EndTime!.Value, true).ShouldBe(new DateTime(2031, 3, 12, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void An_all_day_event_stored_on_the_last_day_datetime_knows_ends_there_instead_of_overflowing()
    {
        var lastDay = DateTime.SpecifyKind(DateTime.MaxValue.Date, DateTimeKind.Utc);
        var forever = Activity.Create(NewEvent(lastDay, lastDay, allDay: true), User, Now);

        Activity.EffectiveEnd(lastDay, true).ShouldBe(DateTime.MaxValue);
        forever.IsClosed(Now).ShouldBeFalse();
    }

    [Fact]
    public void A_task_is_overdue_while_open_past_its_due_date_and_closed_once_completed()
    {
        var today = DateOnly.FromDateTime(Now);
        var task = Activity.Create(NewTask(today.AddDays(-1)), User, Now);

        task.Subject.ShouldBe("Follow up");
        task.ScheduledAt.ShouldBe(new DateTime(2031, 3, 9, 0, 0, 0, DateTimeKind.Utc));
        task.IsOverdue(today).ShouldBeTrue();
        task.IsClosed(Now).ShouldBeFalse();
        Activity.Create(NewTask(today), User, Now).IsOverdue(today).ShouldBeFalse();
        Activity.Create(NewTask(), User, Now).IsOverdue(today).ShouldBeFalse();

        task.Apply(task.ToFields().Merge(new ActivityChanges { Status = ActivityStatus.Completed }), User, Now);
        task.IsOverdue(today).ShouldBeFalse();
        task.IsClosed(Now).ShouldBeTrue();
        task.Version.ShouldBe(2);
    }

    [Fact]
    public void An_event_is_closed_once_its_end_has_passed_an_all_day_one_at_the_end_of_its_last_day()
    {
        var meeting = Activity.Create(NewEvent(Now.AddHours(-2), Now.AddHours(-1)), User, Now);
        var later = Activity.Create(NewEvent(Now.AddHours(1), Now.AddHours(2)), User, Now);
        var today = Activity.Create(NewEvent(Now, Now, allDay: true), User, Now);

        meeting.IsClosed(Now).ShouldBeTrue();
        later.IsClosed(Now).ShouldBeFalse();
        today.IsClosed(Now).ShouldBeFalse();
        today.IsClosed(Now.Date.AddDays(1)).ShouldBeTrue();
        meeting.IsOverdue(DateOnly.FromDateTime(Now)).ShouldBeFalse();
    }

    [Fact]
    public void Merging_changes_keeps_absent_fields_and_clears_null_ones()
    {
        var fields = NewTask(new DateOnly(2031, 1, 1)) with { Description = "Notes", WhatType = WhatType.Account, WhatId = Guid.NewGuid() };

        var merged = fields.Merge(new ActivityChanges { Description = null, WhatType = null, WhatId = null, Priority = ActivityPriority.High });

        merged.Description.ShouldBeNull();
        merged.WhatType.ShouldBeNull();
        merged.WhatId.ShouldBeNull();
        merged.Priority.ShouldBe(ActivityPriority.High);
        merged.DueDate.ShouldBe(new DateOnly(2031, 1, 1));
        merged.Subject.ShouldBe(fields.Subject);
    }

    [Fact]
    public void Link_types_are_the_directory_record_types()
    {
        string[] known =
        [
            Crm.ServiceDefaults.Directory.RecordTypes.Account, Crm.ServiceDefaults.Directory.RecordTypes.Opportunity,
            Crm.ServiceDefaults.Directory.RecordTypes.Case, Crm.ServiceDefaults.Directory.RecordTypes.Order,
            Crm.ServiceDefaults.Directory.RecordTypes.Contact, Crm.ServiceDefaults.Directory.RecordTypes.Lead,
        ];
        Enum.GetValues<LinkedRecordType>().Select(t => t.RecordType()).ShouldBe(known);
        Enum.GetValues<WhatType>().Select(t => t.RecordType()).ShouldBeSubsetOf(known);
        Enum.GetValues<WhoType>().Select(t => t.RecordType()).ShouldBeSubsetOf(known);
    }
}
