using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.ServiceDefaults.Json;

/// <summary>
/// Date-times leave the API as ISO 8601 UTC with a Z, whatever Kind the database handed back; they are
/// read as ISO 8601 with any offset, turned into UTC, and only within <see cref="DateBounds"/>.
/// </summary>
public sealed class UtcDateTimeJsonConverter : JsonConverter<DateTime>
{
    public const string FormatMessage = "Enter a date-time in ISO 8601, such as 2026-03-01T09:30:00Z.";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonValueException(FormatMessage);
        }

        var utc = value.UtcDateTime;
        return DateBounds.Contains(utc) ? utc : throw new JsonValueException(DateBounds.Message);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        writer.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
