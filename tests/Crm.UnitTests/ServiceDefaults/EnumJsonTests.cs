using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.ServiceDefaults.Json;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class EnumJsonTests
{
    private enum Stage
    {
        Qualifying,
        Proposal,
        [JsonStringEnumMemberName("Closed Won")]
        ClosedWon,
    }

    private sealed record Create(Stage? Stage);

    private sealed record Update
    {
        public Optional<Stage?> Stage { get; init; }
    }

    private static readonly JsonSerializerOptions Options = JsonExtensions.CreateOptions();

    [Fact]
    public void Reads_and_writes_the_display_strings()
    {
        JsonSerializer.Deserialize<Create>("""{"stage":"Closed Won"}""", Options)!.Stage.ShouldBe(Stage.ClosedWon);
        JsonSerializer.Deserialize<Create>("""{"stage":null}""", Options)!.Stage.ShouldBeNull();
        JsonSerializer.Serialize(new Create(Stage.ClosedWon), Options).ShouldBe("""{"stage":"Closed Won"}""");
        JsonSerializer.Serialize(new Dictionary<Stage, int> { [Stage.ClosedWon] = 1 }, Options).ShouldBe("""{"Closed Won":1}""");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("99")]
    [InlineData("-1")]
    [InlineData("\"1\"")]
    [InlineData("\"ClosedWon\"")]
    [InlineData("\"closed won\"")]
    [InlineData("\" Proposal\"")]
    [InlineData("\"Qualifying, Proposal\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    [InlineData("[]")]
    public void Anything_but_a_display_string_is_refused_naming_the_allowed_values(string value)
    {
        var refused = Should.Throw<JsonValueException>(() => JsonSerializer.Deserialize<Create>($$"""{"stage":{{value}}}""", Options));

        refused.Message.ShouldBe("Must be one of: Qualifying, Proposal, Closed Won.");
        refused.Path.ShouldBe("$.stage");
    }

    [Fact]
    public void An_optional_field_is_refused_under_its_own_name()
    {
        JsonSerializer.Deserialize<Update>("""{"stage":"Proposal"}""", Options)!.Stage.Value.ShouldBe(Stage.Proposal);
        JsonSerializer.Deserialize<Update>("""{}""", Options)!.Stage.IsSet.ShouldBeFalse();

        var refused = Should.Throw<JsonValueException>(() => JsonSerializer.Deserialize<Update>("""{"stage":5}""", Options));
        refused.Path.ShouldBe("$.stage");
        refused.Message.ShouldBe("Must be one of: Qualifying, Proposal, Closed Won.");

        var wrongType = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Update>("""{"other":1,"stage":{"a":1}}""", Options));
        wrongType.Path.ShouldBe("$.stage");
    }

    [Fact]
    public void The_openapi_documents_list_the_same_strings() =>
        EnumNames.All(typeof(Stage)).ShouldBe(["Qualifying", "Proposal", "Closed Won"]);
}
