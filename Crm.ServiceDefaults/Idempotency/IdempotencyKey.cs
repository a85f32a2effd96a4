using Microsoft.AspNetCore.Http;

namespace Crm.ServiceDefaults.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header (Stripe's convention): a client-chosen id for one intended write.</summary>
public readonly record struct IdempotencyKey(string Value)
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Set on an answer that is a replay of the one stored for the key.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public const int MaxLength = 255;

    public const string InvalidMessage = "Idempotency-Key must be one value of 1 to 255 visible ASCII characters.";

    public static bool IsPresent(HttpRequest request) => request.Headers.ContainsKey(HeaderName);

    /// <summary>The key, or null with <paramref name="invalid"/> set when the header is there but unusable.</summary>
    public static IdempotencyKey? Read(HttpRequest request, out bool invalid)
    {
        invalid = false;
        if (!request.Headers.TryGetValue(HeaderName, out var values))
        {
            return null;
        }

        // Visible ASCII only: the key is stored as text and echoed in logs.
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxLength } value || value.Any(c => c is < '!' or > '~'))
        {
            invalid = true;
            return null;
        }

        return new IdempotencyKey(value);
    }
}
