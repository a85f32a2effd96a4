using Crm.Activities.Model;
using Crm.ServiceDefaults.Http;
using Shouldly;

namespace Crm.UnitTests.Activities;

public sealed class ActivityRangeTests
{
    private static readonly Guid User = Guid.NewGuid();
    private static readonly DateTime Now = new(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime At(string iso) => DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static Activity Event(string start, string end, bool allDay = false) => Activity.Create(
        new ActivityFields { Type = ActivityType.Event, Subject = "E", StartTime = At(start), EndTime = At(end), IsAllDayEvent = allDay, AssignedToId = User }, User, Now);

    private static Activity Task(string? due) => Activity.Create(
        new ActivityFields
        {
            Type = ActivityType.Task,
            Subject = "T",
            Status = ActivityStatus.NotStarted,
            Priority = ActivityPriority.Normal,
            DueDate = due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            AssignedToId = User,
        },
        User,
        Now);

    private static ActivityRange Range(string? start, string? end)
    {
        var errors = new ValidationErrors();
        var range = ActivityRange.Parse(start, end, errors);
        errors.HasErrors.ShouldBeFalse();
        return range!;
    }

    [Fact]
    public void Plain_dates_run_from_midnight_and_include_the_whole_end_day()
    {
        var range = Range("2031-03-10", "2031-03-16");

        range.Start.ShouldBe(At("2031-03-10T00:00:00Z"));
        range.End.ShouldBe(At("2031-03-17T00:00:00Z"));
        Range("2031-03-10T12:30:00Z", null).Start.ShouldBe(At("2031-03-10T12:30:00Z"));
        Range(null, "2031-03-10T14:30:00+02:00").End.ShouldBe(At("2031-03-10T12:30:00Z"));
        ActivityRange.Parse(null, null, new ValidationErrors()).ShouldBeNull();
    }

    [Theory]
    [InlineData("2031-03-09T22:00:00Z", "2031-03-10T01:00:00Z", false, true)] // starts before, ends inside
    [InlineData("2031-03-16T23:00:00Z", "2031-03-17T02:00:00Z", false, true)] // starts inside, ends after
    [InlineData("2031-03-01T00:00:00Z", "2031-03-31T00:00:00Z", false, true)] // covers the range
    [InlineData("2031-03-09T09:00:00Z", "2031-03-10T00:00:00Z", false, false)] // ends exactly at the start
    [InlineData("2031-03-17T00:00:00Z", "2031-03-17T01:00:00Z", false, false)] // starts exactly at the end
    [InlineData("2031-03-16T00:00:00Z", "2031-03-16T00:00:00Z", true, true)] // all-day on the last day
    [InlineData("2031-03-09T00:00:00Z", "2031-03-09T00:00:00Z", true, false)] // all-day the day before
    [InlineData("2031-03-08T00:00:00Z", "2031-03-10T00:00:00Z", true, true)] // all-day ending on the first day
    public void Events_overlapping_the_range_are_in_it(string start, string end, bool allDay, bool inRange) =>
        Range("2031-03-10", "2031-03-16").Filter().Compile()(Event(start, end, allDay)).ShouldBe(inRange);

    [Theory]
    [InlineData("2031-03-10", true)]
    [InlineData("2031-03-16", true)]
    [InlineData("2031-03-17", false)]
    [InlineData("2031-03-09", false)]
    [InlineData(null, false)]
    public void Tasks_due_on_a_day_of_the_range_are_in_it(string? due, bool inRange) =>
        Range("2031-03-10", "2031-03-16").Filter().Compile()(Task(due)).ShouldBe(inRange);

    [Fact]
    public void A_range_of_instants_holds_the_tasks_due_that_day()
    {
        var noon = Range("2031-03-10T12:00:00Z", "2031-03-10T13:00:00Z").Filter().Compile();

        noon(Task("2031-03-10")).ShouldBeTrue();
        noon(Task("2031-03-11")).ShouldBeFalse();
        noon(Event("2031-03-09T22:00:00Z", "2031-03-10T01:00:00Z")).ShouldBeFalse();
        Range("2031-03-10", null).Filter().Compile()(Task("2040-01-01")).ShouldBeTrue();
        Range(null, "2031-03-10").Filter().Compile()(Event("2000-01-01T00:00:00Z", "2000-01-01T01:00:00Z")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("tomorrow", null, "start_date")]
    [InlineData(null, "2031-13-01", "end_date")]
    [InlineData("2031-03-10", "2031-03-09", "end_date")]
    [InlineData("2031-03-10T10:00:00Z", "2031-03-10T10:00:00Z", "end_date")]
    [InlineData("0001-01-01", null, "start_date")]
    [InlineData(null, "9999-12-31", "end_date")]
    [InlineData(null, "9999-12-31T23:59:59.9999999Z", "end_date")]
    [InlineData("1899-12-31T23:00:00Z", null, "start_date")]
    public void Unreadable_backwards_or_out_of_range_bounds_are_errors(string? start, string? end, string field)
    {
        var errors = new ValidationErrors();
        ActivityRange.Parse(start, end, errors);
        errors.ToDictionary().Keys.ShouldBe([field]);
    }
}
