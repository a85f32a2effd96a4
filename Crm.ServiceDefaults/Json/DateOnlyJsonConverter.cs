using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.ServiceDefaults.Json;

/// <summary>Dates as <c>YYYY-MM-DD</c>, read only within <see cref="DateBounds"/>.</summary>
public sealed class DateOnlyJsonConverter : JsonConverter<DateOnly>
{
    public const string FormatMessage = "Enter a date as YYYY-MM-DD.";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new JsonValueException(FormatMessage);
        }

        return DateBounds.Contains(date) ? date : throw new JsonValueException(DateBounds.Message);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
