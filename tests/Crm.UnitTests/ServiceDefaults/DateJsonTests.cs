using System.Text.Json;
using Crm.ServiceDefaults.Json;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class DateJsonTests
{
    private sealed record Dates(DateOnly? Day, DateTime? At);

    private static readonly JsonSerializerOptions Options = JsonExtensions.CreateOptions();

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2026-02-28")]
    [InlineData("2200-12-31")]
    public void Dates_within_1900_to_2200_are_read_and_written_as_iso(string day)
    {
        var dates = JsonSerializer.Deserialize<Dates>($$"""{"day":"{{day}}"}""", Options)!;

        JsonSerializer.Serialize(dates, Options).ShouldBe($$"""{"day":"{{day}}","at":null}""");
    }

    [Theory]
    [InlineData("\"0001-01-01\"", DateBounds.Message)]
    [InlineData("\"1899-12-31\"", DateBounds.Message)]
    [InlineData("\"2201-01-01\"", DateBounds.Message)]
    [InlineData("\"9999-12-31\"", DateBounds.Message)]
    [InlineData("\"2026-02-30\"", DateOnlyJsonConverter.FormatMessage)]
    [InlineData("\"2026-2-3\"", DateOnlyJsonConverter.FormatMessage)]
    [InlineData("\"2026-02-03T10:00:00Z\"", DateOnlyJsonConverter.FormatMessage)]
    [InlineData("\"\"", DateOnlyJsonConverter.FormatMessage)]
    [InlineData("20260203", DateOnlyJsonConverter.FormatMessage)]
    public void Other_dates_are_refused_under_their_field(string value, string message)
    {
        var refused = Should.Throw<JsonValueException>(() => JsonSerializer.Deserialize<Dates>($$"""{"day":{{value}}}""", Options));

        refused.Message.ShouldBe(message);
        refused.Path.ShouldBe("$.day");
    }

    [Theory]
    [InlineData("1900-01-01T00:00:00Z", "1900-01-01T00:00:00Z")]
    [InlineData("2200-12-31T23:59:59Z", "2200-12-31T23:59:59Z")]
    [InlineData("2026-03-01T10:30:00+02:00", "2026-03-01T08:30:00Z")]
    public void Date_times_within_the_range_are_read_as_utc(string value, string utc)
    {
        var dates = JsonSerializer.Deserialize<Dates>($$"""{"at":"{{value}}"}""", Options)!;

        dates.At!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        JsonSerializer.Serialize(dates, Options).ShouldBe($$"""{"day":null,"at":"{{utc}}"}""");
    }

    [Theory]
    [InlineData("\"0001-01-01T00:00:00Z\"", DateBounds.Message)]
    [InlineData("\"1899-12-31T23:59:59Z\"", DateBounds.Message)]
    [InlineData("\"2200-12-31T23:00:00-05:00\"", DateBounds.Message)]
    [InlineData("\"9999-12-31T23:59:59.9999999Z\"", DateBounds.Message)]
    [InlineData("\"0001-01-01T00:00:00+01:00\"", UtcDateTimeJsonConverter.FormatMessage)]
    [InlineData("\"2026-02-30T10:00:00Z\"", UtcDateTimeJsonConverter.FormatMessage)]
    [InlineData("0", UtcDateTimeJsonConverter.FormatMessage)]
    public void Other_date_times_are_refused_under_their_field(string value, string message)
    {
        var refused = Should.Throw<JsonValueException>(() => JsonSerializer.Deserialize<Dates>($$"""{"at":{{value}}}""", Options));

        refused.Message.ShouldBe(message);
        refused.Path.ShouldBe("$.at");
    }
}
