using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.ServiceDefaults.Json;

/// <summary>
/// A request field that may be absent. Updates send only the fields to change: absent means "keep",
/// present (even as null) means "set to this", so a client can clear a field without touching others.
/// </summary>
[JsonConverter(typeof(OptionalJsonConverterFactory))]
public readonly struct Optional<T>
{
    public Optional(T value)
    {
        Value = value;
        IsSet = true;
    }

    public bool IsSet { get; }

    public T Value { get; }

    public T Or(T current) => IsSet ? Value : current;

    public static implicit operator Optional<T>(T value) => new(value);
}

public sealed class OptionalJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
    {
        // Called for an explicit null too: "field": null is a value (clear it), not an absence.
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return new(JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            catch (JsonException inner)
            {
                // The nested Deserialize stamps its own root ("$") as the path; a fresh exception without
                // one lets the outer serializer name the real field ("$.stage"), keeping the message.
                throw inner is JsonValueException refused ? new JsonValueException(refused.Message) : new JsonException(null, inner);
            }
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
