using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.ServiceDefaults.Http;

/// <summary>
/// The protocol of a PUT on a versioned record: 400 without a version, 404 when there is no such
/// record, 409 with the current record when the version is stale; else the change runs, and either
/// leaves errors (400 naming the fields) or applies and saves the record (200 with it as saved).
/// </summary>
public static class VersionedUpdate
{
    public static async Task<Results<Ok<TResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync<TRecord, TResponse>(
        int? version,
        Func<Task<TRecord?>> load,
        Func<TRecord, int> currentVersion,
        Func<TRecord, Task<TResponse>> respond,
        Func<TRecord, ValidationErrors, Task> change)
        where TRecord : class
    {
        var errors = new ValidationErrors();
        if (version is null)
        {
            return errors.Add("version", "Version is required.").ToProblem();
        }

        var record = await load();
        if (record is null)
        {
            return TypedResults.NotFound();
        }

        if (currentVersion(record) != version)
        {
            return ConflictResults.StaleVersion(await respond(record));
        }

        await change(record, errors);
        return errors.HasErrors ? errors.ToProblem() : TypedResults.Ok(await respond(record));
    }
}
