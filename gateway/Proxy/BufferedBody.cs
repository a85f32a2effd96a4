namespace Crm.Gateway.Proxy;

/// <summary>Reads a request body into memory so it can be looked at or sent more than once.</summary>
public static class BufferedBody
{
    /// <returns>The body, or null when it is longer than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long? maxBytes = null)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Replaces the body with a rewindable copy of itself.</summary>
    public static async Task BufferAsync(HttpRequest request) =>
        request.Body = new MemoryStream((await ReadAsync(request))!, writable: false);
}
