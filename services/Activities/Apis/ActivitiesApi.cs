using System.Linq.Expressions;
using System.Security.Claims;
using Crm.Activities.Infrastructure;
using Crm.Activities.Model;
using Crm.Activities.Services;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Lists;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Apis;

/// <summary>Tasks and events: the to-do list, the calendar and every record's activity timeline.</summary>
public static class ActivitiesApi
{
    private static readonly Dictionary<string, Expression<Func<Activity, object?>>> Sorts = new()
    {
        ["due_date"] = a => a.DueDate,
        ["start_time"] = a => a.StartTime,
        ["subject"] = a => a.Subject.ToLower(),
        ["priority"] = a => a.Priority == ActivityPriority.High ? 0 : a.Priority == ActivityPriority.Normal ? 1 : a.Priority == ActivityPriority.Low ? 2 : 3,
        ["created_at"] = a => a.CreatedAt,
        ["updated_at"] = a => a.UpdatedAt,
    };

    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/activities").WithTags("Activities");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Activity);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedResult<ActivityResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [AsParameters] ActivityListFilter filter,
        ClaimsPrincipal caller,
        ActivitiesDbContext db,
        ActivityQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var sorted = Rows(query, filter, caller, db, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var page = await sorted.ToPageAsync(db, query, a => a, cancellationToken);
        return TypedResults.Ok(page.WithItems(await queries.ToResponsesAsync(page.Items, cancellationToken)));
    }

    public static Results<CsvExportResult<ActivityExportRow>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [AsParameters] ActivityListFilter filter,
        ClaimsPrincipal caller,
        ActivitiesDbContext db)
    {
        var errors = new ValidationErrors();
        var sorted = Rows(query, filter, caller, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<ActivityExportRow>("activities", ActivityExportRow.Columns, ActivityExportRow.From(sorted, db).AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered and sorted; the list pages them, the export streams them all.</summary>
    private static IQueryable<Activity> Rows(ListQuery query, ActivityListFilter filter, ClaimsPrincipal caller, ActivitiesDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);
        var rows = filter.Apply(db.Activities.AsNoTracking(), db.Records.AsNoTracking(), caller, errors);
        var listView = ListView.Parse(filter.View, caller, errors);
        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            rows = rows.Where(a => EF.Functions.ILike(a.Subject, pattern, QueryableListExtensions.LikeEscape));
        }

        rows = listView.Filter(rows, db, RecordTypes.Activity, me => a => a.AssignedToId == me);

        // By default: when it happens (an event's start, a task's due date; undated tasks last), then oldest first.
        return listView.Sort(rows, db, RecordTypes.Activity, query.Sort, r => string.IsNullOrWhiteSpace(query.Sort)
            ? r.OrderBy(a => a.ScheduledAt).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            : r.ApplySort(query.Sort, Sorts, "due_date", a => a.Id));
    }

    public static async Task<Results<Ok<ActivityResponse>, NotFound>> GetAsync(Guid id, ActivityQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } activity ? TypedResults.Ok(activity) : TypedResults.NotFound();

    public static async Task<Results<Created<ActivityResponse>, ValidationProblem>> CreateAsync(
        CreateActivityRequest request, ClaimsPrincipal caller, ActivitiesDbContext db, RecordLinks links, ActivityQueries queries, CancellationToken cancellationToken)
    {
        ActivityFields fields = request;
        var errors = new ValidationErrors();
        Activity.Validate(errors, fields);
        // The caller may be assigning it to themselves before Identity's event about them has arrived.
        await db.EnsureCallerAsync(caller, cancellationToken);
        await links.CheckActivityAsync(errors, fields, null, cancellationToken);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var activity = Activity.Create(fields, caller.GetUserId(), DbClock.UtcNow);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/activities/{activity.Id}", await queries.ToResponseAsync(activity, cancellationToken));
    }

    public static Task<Results<Ok<ActivityResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateActivityRequest request, ClaimsPrincipal caller, ActivitiesDbContext db, RecordLinks links, ActivityQueries queries, CancellationToken cancellationToken) =>
        VersionedUpdate.RunAsync(
            request.Version.Value,
            () => db.Activities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken),
            a => a.Version,
            a => queries.ToResponseAsync(a, cancellationToken),
            async (activity, errors) =>
            {
                if (request.Type.IsSet && request.Type.Value != activity.Type)
                {
                    errors.Add("type", "The type of an activity can't change.");
                }

                var before = activity.ToFields();
                var after = before.Merge(request);
                Activity.Validate(errors, after);
                await db.EnsureCallerAsync(caller, cancellationToken);
                await links.CheckActivityAsync(errors, after, before, cancellationToken);
                if (!errors.HasErrors)
                {
                    activity.Apply(after, caller.GetUserId(), DbClock.UtcNow);
                    await db.SaveChangesAsync(cancellationToken);
                }
            });
}
