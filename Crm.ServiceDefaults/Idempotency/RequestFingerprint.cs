using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Crm.ServiceDefaults.Idempotency;

/// <summary>
/// What makes two requests "the same" for one key: method, path, query and the exact body bytes. A retry
/// resends the same bytes; anything else reusing the key is a client bug, answered 422.
/// </summary>
public static class RequestFingerprint
{
    /// <remarks>The body must have been buffered (see <see cref="IdempotencyExtensions.UseIdempotencyKeys"/>); it is read from the start.</remarks>
    public static async Task<byte[]> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException("The request body was not buffered: call UseIdempotencyKeys() before the endpoints run.");
        }

        request.Body.Position = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
