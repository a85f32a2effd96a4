using System.Globalization;
using System.Security.Claims;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Crm.ServiceDefaults.Import;

/// <summary>
/// <c>POST /{list}/import</c>: a CSV file of new records, all or nothing. Every row is checked as its POST would
/// check it; one wrong row and the answer is 400 with every error, and nothing is written. Otherwise all the records
/// and their integration events are saved with one SaveChanges, which is one transaction (or part of the
/// idempotent request's), so the outbox publishes them exactly as it would publish records created one by one.
/// </summary>
public static class CsvImport
{
    public const string ContentType = "text/csv";

    public static RouteHandlerBuilder MapCsvImport<TImporter, TCandidate>(this IEndpointRouteBuilder api)
        where TImporter : ICsvImporter<TCandidate>
    {
        var route = api.MapPost(
            "/import",
            (HttpContext context, [AsParameters] ImportOptions options, ServiceDatabase database, CancellationToken cancellationToken) =>
                RunAsync(context.Request, options, context.RequestServices.GetRequiredService<TImporter>(), database, context.User, cancellationToken));
        route.WithRequestBodyLimit(CsvImportLimits.MaxBytes)
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Declared here rather than with Accepts(): its content-type matching would answer 415 before authorization.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = $"UTF-8 CSV with a header row of column titles or snake_case field names; at most {CsvImportLimits.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows and {CsvImportLimits.MaxBytes / 1024 / 1024} MB.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                };
                return Task.CompletedTask;
            });
        return route;
    }

    public static async Task<Results<Ok<ImportAnswer>, BadRequest<ImportAnswer>, ProblemHttpResult>> RunAsync<TCandidate>(
        HttpRequest request, ImportOptions options, ICsvImporter<TCandidate> importer, ServiceDatabase database, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var file = await CsvImportFile.ReadAsync(request.Body, importer.Columns, cancellationToken);
        if (file.TooManyRows)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Too many rows",
                detail: $"An import takes at most {CsvImportLimits.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows. Split the file.");
        }

        if (file.Errors.Count > 0)
        {
            return TypedResults.BadRequest(new ImportAnswer(file.Rows.Count, 0, file.Errors, [], 0));
        }

        await importer.PrepareAsync(file.Rows, cancellationToken);
        var duplicates = await importer.FindDuplicatesAsync(file.Rows, cancellationToken);
        var skipped = options.SkipDuplicates == true ? duplicates.Select(d => d.Row).ToHashSet() : [];
        var errors = new List<ImportRowError>();
        var candidates = new List<TCandidate>();
        foreach (var row in file.Rows.Where(r => !skipped.Contains(r.Number)))
        {
            var rowErrors = new ValidationErrors();
            var candidate = await importer.CheckAsync(row, rowErrors, cancellationToken);
            // A field's first message says what to fix; a follow-on one ("is required" after "is not an id") would only repeat it.
            errors.AddRange(rowErrors.ToDictionary().Select(e => new ImportRowError(row.Number, e.Key, e.Value[0])));

            if (!rowErrors.HasErrors && candidate is not null)
            {
                candidates.Add(candidate);
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ImportAnswer(file.Rows.Count, 0, errors, duplicates, skipped.Count));
        }

        if (options.DryRun == true)
        {
            return TypedResults.Ok(new ImportAnswer(file.Rows.Count, 0, [], duplicates, skipped.Count));
        }

        var now = DbClock.UtcNow;
        var by = caller.GetUserId();
        foreach (var candidate in candidates)
        {
            importer.Add(candidate, by, now);
        }

        var db = database.Context;
        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ImportAnswer(file.Rows.Count, candidates.Count, [], duplicates, skipped.Count));
    }
}
