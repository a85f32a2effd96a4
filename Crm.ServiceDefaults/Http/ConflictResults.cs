using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.ServiceDefaults.Http;

/// <summary>409 answers: a stale version (with the current record, so the client can show what changed) or a forbidden state.</summary>
public static class ConflictResults
{
    public static ProblemHttpResult StaleVersion<T>(T current) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Conflict",
        Detail = "The record was changed by someone else since you read it.",
        Type = "https://crm.local/problems/version-conflict",
        Extensions = { ["current"] = current },
    });

    public static ProblemHttpResult State(string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Conflict",
        Detail = detail,
        Type = "https://crm.local/problems/state-conflict",
    });
}
