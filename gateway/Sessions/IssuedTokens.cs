using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Gateway.Sessions;

/// <summary>The token part of Identity's login and refresh answers (both have the same shape).</summary>
public sealed record IssuedTokens(
    string AccessToken,
    DateTimeOffset AccessExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshExpiresAt,
    string? UserId)
{
    /// <summary>Fields that stay at the gateway and are cut from the answer the browser sees.</summary>
    public static readonly string[] ServerSideFields = ["refresh_token", "refresh_expires_at"];

    public static bool TryParse(JsonObject body, [NotNullWhen(true)] out IssuedTokens? tokens)
    {
        tokens = null;
        if (ReadString(body["token"]) is not { Length: > 0 } access
            || ReadString(body["refresh_token"]) is not { Length: > 0 } refresh
            || ReadTime(body["expires_at"]) is not { } accessExpires
            || ReadTime(body["refresh_expires_at"]) is not { } refreshExpires)
        {
            return false;
        }

        var userId = ReadString((body["user"] as JsonObject)?["id"]) ?? ReadString(body["user_id"]);
        tokens = new IssuedTokens(access, accessExpires, refresh, refreshExpires, userId);
        return true;
    }

    private static string? ReadString(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>ISO 8601 as the API promises; unix seconds accepted too, to be forgiving.</summary>
    private static DateTimeOffset? ReadTime(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return value.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
    }
}
