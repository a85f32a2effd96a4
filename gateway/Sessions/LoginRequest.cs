using System.Text.Json;

namespace Crm.Gateway.Sessions;

/// <summary>The login body (<c>POST /api/v1/auth/login</c>), read once before the rate limiter counts it (a "Forgot password?" body has the e-mail only).</summary>
public sealed record LoginRequest(string? Email, bool RememberMe, string? Password = null, string? Otp = null, string? RecoveryCode = null)
{
    /// <summary>Text fields sent as something else (<c>"otp": 123456</c>): answered 400 on the field, not guessed at.</summary>
    public IReadOnlyList<string> NotText { get; init; } = [];

    /// <summary>The login or forgot-password body <see cref="LoginBodyMiddleware"/> read; null for any other request.</summary>
    public static LoginRequest? Of(HttpContext context) => context.Items[typeof(LoginRequest)] as LoginRequest;

    public static LoginRequest Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, false);
            }

            var root = document.RootElement;
            var remember = root.TryGetProperty("remember_me", out var r) && r.ValueKind == JsonValueKind.True;
            return new(Text(root, "email")?.Trim().ToLowerInvariant(), remember, Text(root, "password"), Text(root, "otp"), Text(root, "recovery_code"))
            {
                NotText = TextFields.Where(name => root.TryGetProperty(name, out var value)
                    && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)).ToList(),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Answered as missing fields; the gateway only needs to not fall over (an unpaired surrogate in the
            // e-mail throws InvalidOperationException from GetString).
            return new(null, false);
        }
    }

    /// <summary>The sign-in page's form: <c>username</c> and <c>remember_me</c> are all the gateway reads of it.</summary>
    public static LoginRequest ParseForm(ReadOnlySpan<byte> body)
    {
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        var email = form.TryGetValue("username", out var username) ? ((string?)username)?.Trim().ToLowerInvariant() : null;
        return new(string.IsNullOrEmpty(email) ? null : email, form.TryGetValue("remember_me", out var remember) && remember == "true");
    }

    private static readonly string[] TextFields = ["email", "password", "otp", "recovery_code"];

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
