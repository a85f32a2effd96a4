using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Crm.ServiceDefaults.Http;

/// <summary>
/// The database cannot be reached (refused, timed out, shutting down or starting up, out of connections):
/// a 503 with Retry-After, so clients wait and retry instead of treating it as a bug. The transaction of the
/// request never committed, so nothing of it was written.
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Server-side: connection exceptions (08), insufficient resources (53, e.g. too many clients),
                // shutting down / starting up (57P01-57P03), system errors (58).
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        || pg.SqlState.StartsWith("58", StringComparison.Ordinal);
                // Client-side: socket errors and timeouts (connect, read, pool exhausted); not misuse such as
                // an operation already in progress, which is a bug.
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The answer, with its Retry-After header set on <paramref name="response"/>.</summary>
    public static ProblemDetails Answer(HttpResponse response)
    {
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service Unavailable",
            Detail = $"The database cannot be reached right now. Try again in {RetryAfterSeconds} seconds.",
        };
    }
}
