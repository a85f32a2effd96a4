using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Crm.ServiceDefaults.Http;

/// <summary>Turns the exceptions that describe the client's mistake, a lost race or an unreachable database into problem details.</summary>
public sealed class CrmExceptionHandler(IProblemDetailsService problemDetails, ILogger<CrmExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Another record was saved with the same value at the same moment. Reload and try again.",
            },
            InjectedFaultException fault => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Injected failure",
                Detail = fault.Message,
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The record was changed by someone else. Reload it and apply your changes again.",
            },
            _ when DatabaseUnavailable.Is(exception) => DatabaseUnavailable.Answer(httpContext.Response),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogWarning(exception, "{Method} {Path} answered {Status}", httpContext.Request.Method, httpContext.Request.Path, problem.Status);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        var json = FindJsonException(exception);
        if (json is not null)
        {
            var field = FieldFromPath(json.Path);
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [json is Json.JsonValueException refused ? refused.Message : field == "body" ? "The request body is not valid JSON." : "The value is not valid."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            };
        }

        return new ProblemDetails
        {
            Status = exception.StatusCode,
            Title = exception.StatusCode == StatusCodes.Status400BadRequest ? "Bad request" : "Request rejected",
            Detail = exception.Message,
        };
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>"$.contact.last_name" → "contact.last_name"; "$" or nothing → "body".</summary>
    internal static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return string.IsNullOrEmpty(field) ? "body" : field;
    }
}
