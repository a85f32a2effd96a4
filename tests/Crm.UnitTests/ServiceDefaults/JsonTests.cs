using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.ServiceDefaults.Json;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class JsonTests
{
    private sealed record Line(
        [property: JsonConverter(typeof(MoneyJsonConverter))] decimal SalePrice,
        int Quantity,
        DateTime CreatedAt);

    [Fact]
    public void Writes_snake_case_money_as_two_place_strings_and_utc_times()
    {
        var json = JsonSerializer.Serialize(new Line(4500m, 2, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)), JsonExtensions.CreateOptions());

        json.ShouldBe("""{"sale_price":"4500.00","quantity":2,"created_at":"2026-01-02T03:04:05Z"}""");
    }

    [Theory]
    [InlineData("""{"sale_price":"12.5","quantity":"3","created_at":"2026-01-02T03:04:05Z"}""")]
    [InlineData("""{"sale_price":12.5,"quantity":3,"created_at":"2026-01-02T04:04:05+01:00"}""")]
    public void Reads_money_and_numbers_given_as_numbers_or_strings(string json)
    {
        var line = JsonSerializer.Deserialize<Line>(json, JsonExtensions.CreateOptions())!;

        line.SalePrice.ShouldBe(12.5m);
        line.Quantity.ShouldBe(3);
        line.CreatedAt.ShouldBe(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
    }
}
