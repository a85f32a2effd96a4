using Microsoft.AspNetCore.Http;

namespace Crm.ServiceDefaults.Idempotency;

/// <summary>
/// An endpoint's answer held in memory: captured before the transaction commits (so it can be stored
/// with the work), written to the client after. Status, Content-Type, Location and body are what is kept.
/// </summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body, bool Replayed = false) : IResult
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Runs the endpoint's result against a memory buffer instead of the connection.</summary>
    public static async Task<StoredResponse> CaptureAsync(HttpContext http, object? result)
    {
        var response = http.Response;
        var connection = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            var executable = result switch
            {
                IResult r => r,
                null => null,
                var value => TypedResults.Ok(value),
            };
            if (executable is not null)
            {
                await executable.ExecuteAsync(http);
            }

            await response.BodyWriter.FlushAsync(http.RequestAborted);
        }
        finally
        {
            response.Body = connection;
        }

        return new StoredResponse(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray());
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Replayed)
        {
            response.Headers[IdempotencyKey.ReplayedHeaderName] = "true";
        }

        if (Body.Length > 0)
        {
            response.ContentLength = Body.Length;
            await response.Body.WriteAsync(Body, httpContext.RequestAborted);
        }
    }
}
