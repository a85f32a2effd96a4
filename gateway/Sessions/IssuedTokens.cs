using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Gateway.Sessions;

/// <summary>The tokens of an OAuth 2.0 token answer from Identity's <c>/connect/token</c> (login and refresh alike).</summary>
public sealed record IssuedTokens(
    string AccessToken,
    DateTimeOffset AccessExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshExpiresAt,
    string? UserId)
{
    /// <param name="body">The token answer: <c>access_token</c>, <c>expires_in</c>, <c>refresh_token</c>, and Identity's
    /// <c>refresh_token_expires_in</c> and <c>user</c>.</param>
    /// <param name="now">When the answer arrived: lifetimes count from there.</param>
    public static bool TryParse(JsonObject body, DateTimeOffset now, [NotNullWhen(true)] out IssuedTokens? tokens)
    {
        tokens = null;
        if (ReadString(body["access_token"]) is not { Length: > 0 } access
            || ReadString(body["refresh_token"]) is not { Length: > 0 } refresh
            || ReadSeconds(body["expires_in"]) is not { } accessLifetime
            || ReadSeconds(body["refresh_token_expires_in"]) is not { } refreshLifetime)
        {
            return false;
        }

        var userId = ReadString((body["user"] as JsonObject)?["id"]);
        tokens = new IssuedTokens(access, now.AddSeconds(accessLifetime), refresh, now.AddSeconds(refreshLifetime), userId);
        return true;
    }

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long? ReadSeconds(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var seconds) && seconds > 0
            ? seconds
            : null;
}
