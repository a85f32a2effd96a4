using Crm.Gateway.Problems;

namespace Crm.Gateway.Proxy;

/// <summary>Reads a request body into memory so it can be looked at or sent more than once.</summary>
public static class BufferedBody
{
    /// <returns>
    /// The body; null when there is nothing more to do: it was over <paramref name="maxBytes"/> or Kestrel's limit
    /// (answered with <paramref name="tooLarge"/>), unreadable (answered with the client's own 4xx), or the client went away.
    /// </returns>
    public static async Task<byte[]?> ReadAsync(HttpContext context, long? maxBytes, IResult tooLarge)
    {
        var request = context.Request;
        try
        {
            if (request.ContentLength > maxBytes)
            {
                await RefuseAsync(context, tooLarge);
                return null;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    await RefuseAsync(context, tooLarge);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (BadHttpRequestException bad)
        {
            // Kestrel reads a chunked body ahead and may notice it is over its limit before we do.
            await RefuseAsync(context, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? tooLarge : GatewayProblems.BadClientRequest(bad.StatusCode, bad.Message));
            return null;
        }
        catch (Exception ex) when ((ex is IOException or OperationCanceledException) && context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Answers before the body was read to its end: the rest of it is still on the connection, so the connection
    /// closes after this answer and says so, or the client would send its next request down a dead connection.
    /// </summary>
    private static Task RefuseAsync(HttpContext context, IResult answer)
    {
        context.Response.Headers.Connection = "close";
        return answer.ExecuteAsync(context);
    }
}
