namespace Crm.ServiceDefaults.Idempotency;

/// <summary>Endpoint metadata: this route honours <c>Idempotency-Key</c> (so its body is buffered for the fingerprint).</summary>
public sealed class IdempotentEndpoint
{
    public static readonly IdempotentEndpoint Instance = new();

    private IdempotentEndpoint()
    {
    }
}
