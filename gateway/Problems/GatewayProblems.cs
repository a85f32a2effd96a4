namespace Crm.Gateway.Problems;

/// <summary>
/// Every error the gateway itself produces, as RFC 7807 problem details
/// (<c>application/problem+json</c>; AddProblemDetails adds the trace id).
/// </summary>
public static class GatewayProblems
{
    public static IResult NoRoute(PathString path) =>
        Problem(StatusCodes.Status404NotFound, "Not Found", $"No API resource matches '{path}'.");

    public static IResult NoHealthyDestination(string cluster) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", $"The {cluster} service has no healthy instance right now.");

    public static IResult Unreachable(string cluster) =>
        Problem(StatusCodes.Status502BadGateway, "Bad Gateway", $"The {cluster} service could not be reached.");

    public static IResult BadResponse(string cluster) =>
        Problem(StatusCodes.Status502BadGateway, "Bad Gateway", $"The {cluster} service sent no valid answer.");

    public static IResult Timeout(string cluster) =>
        Problem(StatusCodes.Status504GatewayTimeout, "Gateway Timeout", $"The {cluster} service did not answer in time.");

    public static IResult BadClientRequest(int status, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail);

    public static IResult CsrfHeaderMissing() =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", "Requests authenticated by the session cookie that change state must send the header 'X-Requested-With: XMLHttpRequest'.");

    public static IResult TooManyLoginAttempts(TimeSpan retryAfter) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too Many Requests",
            detail: $"Too many login attempts. Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
            type: "https://tools.ietf.org/html/rfc6585#section-4");

    public static IResult TooManyPasswordResets(TimeSpan retryAfter) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too Many Requests",
            detail: $"Too many password reset requests. Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
            type: "https://tools.ietf.org/html/rfc6585#section-4");

    public static IResult BodyTooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The request body is larger than this resource takes ({maxBytes} bytes).");

    public static IResult LoginBodyTooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", "The login request body is too large.");

    public static IResult SessionStoreUnavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The session store is unavailable; try again shortly.");

    public static IResult UnexpectedLoginAnswer() =>
        Problem(StatusCodes.Status502BadGateway, "Bad Gateway", "The identity service sent a login answer the gateway could not read.");

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
