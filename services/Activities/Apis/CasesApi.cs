using System.Linq.Expressions;
using System.Security.Claims;
using Crm.Activities.Infrastructure;
using Crm.Activities.IntegrationEvents;
using Crm.Activities.Model;
using Crm.Activities.Services;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Lists;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Apis;

/// <summary>Support cases: the queue, and each case with its account, contact and owner.</summary>
public static class CasesApi
{
    private static readonly Expression<Func<Case, object?>> PriorityRank =
        c => c.Priority == CasePriority.High ? 0 : c.Priority == CasePriority.Medium ? 1 : 2;

    private static readonly Dictionary<string, Expression<Func<Case, object?>>> Sorts = new()
    {
        ["case_number"] = c => c.Number,
        ["subject"] = c => c.Subject.ToLower(),
        ["status"] = c => c.Status == CaseStatus.New ? 0 : c.Status == CaseStatus.InProgress ? 1 : 2,
        ["priority"] = PriorityRank,
        ["created_at"] = c => c.CreatedAt,
        ["updated_at"] = c => c.UpdatedAt,
    };

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Case);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedResult<CaseResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [AsParameters] CaseListFilter filter,
        ClaimsPrincipal caller,
        ActivitiesDbContext db,
        CaseQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var sorted = Rows(query, filter, caller, db, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var page = await sorted.ToPageAsync(db, query, c => c, cancellationToken);
        return TypedResults.Ok(page.WithItems(await queries.ToResponsesAsync(page.Items, cancellationToken)));
    }

    public static Results<CsvExportResult<CaseExportRow>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [AsParameters] CaseListFilter filter,
        ClaimsPrincipal caller,
        ActivitiesDbContext db)
    {
        var errors = new ValidationErrors();
        var sorted = Rows(query, filter, caller, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<CaseExportRow>("cases", CaseExportRow.Columns, CaseExportRow.From(sorted, db).AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered and sorted; the list pages them, the export streams them all.</summary>
    private static IQueryable<Case> Rows(ListQuery query, CaseListFilter filter, ClaimsPrincipal caller, ActivitiesDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);
        var status = EnumNames.ParseFilter<CaseStatus>(filter.Status, "status", "Status", errors);
        var statusNe = EnumNames.ParseFilter<CaseStatus>(filter.StatusNe, "status_ne", "Status", errors);
        var priority = EnumNames.ParseFilter<CasePriority>(filter.Priority, "priority", "Priority", errors);
        var owner = UserFilter.Parse(filter.Owner, "owner", "Owner", caller, errors);
        var listView = ListView.Parse(filter.View, caller, errors);

        var rows = db.Cases.AsNoTracking();
        if (status is { } s)
        {
            rows = rows.Where(c => c.Status == s);
        }

        if (statusNe is { } ne)
        {
            rows = rows.Where(c => c.Status != ne);
        }

        if (priority is { } p)
        {
            rows = rows.Where(c => c.Priority == p);
        }

        if (filter.AccountId is { } accountId)
        {
            rows = rows.Where(c => c.AccountId == accountId);
        }

        if (filter.ContactId is { } contactId)
        {
            rows = rows.Where(c => c.ContactId == contactId);
        }

        if (owner is { } ownerId)
        {
            rows = rows.Where(c => c.OwnerId == ownerId);
        }

        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            rows = rows.Where(c => EF.Functions.ILike(c.Subject, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(c.CaseNumber, pattern, QueryableListExtensions.LikeEscape));
        }

        rows = listView.Filter(rows, db, RecordTypes.Case, me => c => c.OwnerId == me);

        // By default the support queue: High first, then the oldest.
        return listView.Sort(rows, db, RecordTypes.Case, query.Sort, r => string.IsNullOrWhiteSpace(query.Sort)
            ? r.OrderBy(PriorityRank).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            : r.ApplySort(query.Sort, Sorts, "priority", c => c.Id));
    }

    public static async Task<Results<Ok<CaseResponse>, NotFound>> GetAsync(Guid id, CaseQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    public static async Task<Results<Created<CaseResponse>, ValidationProblem>> CreateAsync(
        CreateCaseRequest request, ClaimsPrincipal caller, ActivitiesDbContext db, RecordLinks links, CaseQueries queries, CancellationToken cancellationToken)
    {
        var fields = request.OwnedBy(caller.GetUserId());
        var errors = new ValidationErrors();
        Case.Validate(errors, fields);
        await db.EnsureCallerAsync(caller, cancellationToken);
        await links.CheckCaseAsync(errors, fields, null, cancellationToken);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        var opened = Case.Open(fields, await queries.NextNumberAsync(cancellationToken), caller.GetUserId(), now);
        db.Cases.Add(opened);
        await SaveAsync(db, opened, CaseEvents.Created(opened, now), now, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{opened.Id}", await queries.ToResponseAsync(opened, cancellationToken));
    }

    public static Task<Results<Ok<CaseResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateCaseRequest request, ClaimsPrincipal caller, ActivitiesDbContext db, RecordLinks links, CaseQueries queries, CancellationToken cancellationToken) =>
        VersionedUpdate.RunAsync(
            request.Version.Value,
            () => db.Cases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken),
            c => c.Version,
            c => queries.ToResponseAsync(c, cancellationToken),
            async (found, errors) =>
            {
                var before = found.ToFields();
                var after = before.Merge(request);
                Case.Validate(errors, after);
                await db.EnsureCallerAsync(caller, cancellationToken);
                await links.CheckCaseAsync(errors, after, before, cancellationToken);
                if (!errors.HasErrors)
                {
                    var now = DbClock.UtcNow;
                    found.Apply(after, caller.GetUserId(), now);
                    await SaveAsync(db, found, CaseEvents.Updated(found, now), now, cancellationToken);
                }
            });

    /// <summary>The case, its directory entry (what activities link to) and its event, in one transaction.</summary>
    private static async Task SaveAsync(ActivitiesDbContext db, Case saved, object integrationEvent, DateTime now, CancellationToken cancellationToken)
    {
        await db.SaveDirectoryEntryAsync(saved.ToDirectoryEntry(), now, cancellationToken);
        db.AddIntegrationEvent(integrationEvent);
        await db.SaveChangesAsync(cancellationToken);
    }
}
