using Microsoft.AspNetCore.Http;

namespace Crm.ServiceDefaults.Idempotency;

/// <summary>A key's row: the request it was first used with and the answer kept for it.</summary>
public sealed record StoredKey(string RequestMethod, string RequestPath, byte[] RequestHash, int? StatusCode, string? ContentType, string? Location, byte[]? Body)
{
    public StoredResponse ToReplay() => new(StatusCode ?? StatusCodes.Status200OK, ContentType, Location, Body ?? [], Replayed: true);
}
