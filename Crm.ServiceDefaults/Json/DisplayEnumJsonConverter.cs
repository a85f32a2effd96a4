using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.ServiceDefaults.Json;

/// <summary>
/// Enums on the wire are exactly their display strings (<see cref="EnumNames"/>), as API.md says.
/// System.Text.Json's own converter also reads numbers, numeric strings, other casings, padded and
/// comma-joined names: <c>"stage": 1</c> became Proposal, and <c>"stage": 99</c> was stored.
/// </summary>
public sealed class DisplayEnumJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(DisplayEnumJsonConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>One enum as its display strings; anything else is refused naming the allowed values.</summary>
public sealed class DisplayEnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToDictionary(EnumNames.Display, StringComparer.Ordinal);

    private static readonly string OneOf = $"Must be one of: {string.Join(", ", EnumNames.All<TEnum>())}.";

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value)
            ? value
            : throw new JsonValueException(OneOf);

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EnumNames.Display(value));

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ByName.TryGetValue(reader.GetString()!, out var value) ? value : throw new JsonValueException(OneOf);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(EnumNames.Display(value));
}
