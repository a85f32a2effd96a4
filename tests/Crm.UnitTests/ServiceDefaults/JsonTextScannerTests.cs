using System.Text;
using Crm.ServiceDefaults.Json;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class JsonTextScannerTests
{
    private static IReadOnlyList<(string Field, string Message)> Scan(string json) => JsonTextScanner.FindUnstorableText(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Ordinary_text_passes_control_characters_and_astral_characters_included() =>
        Scan("""{"name":"Zoë \ud83d\ude00 中","notes":"line\nline\t\u0001","n":1,"list":["a",{"b":null}]}""").ShouldBeEmpty();

    [Fact]
    public void A_nul_anywhere_is_reported_under_its_path()
    {
        Scan("""{"name":"a\u0000b","lines":[{"x":1},{"notes":"\u0000"}],"contact":{"last_name":"ok","title":"\u0000"}}""")
            .ShouldBe([("name", JsonTextScanner.NulMessage), ("lines[1].notes", JsonTextScanner.NulMessage), ("contact.title", JsonTextScanner.NulMessage)]);
        Scan("\"\\u0000\"").ShouldBe([("body", JsonTextScanner.NulMessage)]);
        Scan("""["ok","\u0000"]""").ShouldBe([("[1]", JsonTextScanner.NulMessage)]);
    }

    [Theory]
    [InlineData("""{"name":"a\ud800b"}""")]
    [InlineData("""{"name":"\udc00"}""")]
    [InlineData("""{"name":"\udc00\ud800"}""")]
    public void Unpaired_surrogates_are_reported(string json) =>
        Scan(json).ShouldBe([("name", JsonTextScanner.InvalidUnicodeMessage)]);

    [Fact]
    public void Invalid_utf8_is_reported()
    {
        byte[] json = [.. "{\"name\":\""u8, 0xFF, 0xFE, .. "\"}"u8];

        JsonTextScanner.FindUnstorableText(json).ShouldBe([("name", JsonTextScanner.InvalidUnicodeMessage)]);
    }

    [Fact]
    public void A_bad_field_name_is_reported_under_the_object_holding_it() =>
        Scan("""{"name":"ok","x\u0000":1,"contact":{"\ud800":2}}""")
            .ShouldBe([("body", JsonTextScanner.NulMessage), ("contact", JsonTextScanner.InvalidUnicodeMessage)]);

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"name":""")]
    [InlineData("""{"a":1}}""")]
    public void Malformed_json_is_left_to_the_model_binder(string json) => Scan(json).ShouldBeEmpty();

    [Fact]
    public void What_was_found_before_the_json_broke_is_still_reported() =>
        Scan("""{"name":"\u0000","rest":""").ShouldBe([("name", JsonTextScanner.NulMessage)]);
}
