using System.Text.Json;

namespace Crm.Gateway.Sessions;

/// <summary>The two fields of the login body the gateway itself cares about (a "Forgot password?" body has the e-mail only).</summary>
public sealed record LoginRequest(string? Email, bool RememberMe)
{
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
            var email = root.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()?.Trim().ToLowerInvariant()
                : null;
            var remember = root.TryGetProperty("remember_me", out var r) && r.ValueKind == JsonValueKind.True;
            return new(email, remember);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Identity answers the bad body with 400; the gateway only needs to not fall over (an
            // unpaired surrogate in the e-mail throws InvalidOperationException from GetString).
            return new(null, false);
        }
    }
}
