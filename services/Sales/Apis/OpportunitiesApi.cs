using System.Linq.Expressions;
using System.Security.Claims;
using Crm.Sales.Infrastructure;
using Crm.Sales.IntegrationEvents;
using Crm.Sales.Model;
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
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

public static class OpportunitiesApi
{
    private static readonly Dictionary<string, Expression<Func<OpportunityListItem, object?>>> Sorts = new()
    {
        ["name"] = o => o.Name.ToLower(),
        ["account_name"] = o => o.AccountName.ToLower(),
        ["stage"] = o => o.Stage,
        ["close_date"] = o => o.CloseDate,
        ["amount"] = o => o.CalculatedAmount,
        ["probability"] = o => o.Probability,
        ["owner"] = o => o.OwnerName,
        ["created_at"] = o => o.CreatedAt,
    };

    public static IEndpointRouteBuilder MapOpportunitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/opportunities").WithTags("Opportunities");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Opportunity);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapPost("/{id:guid}/line_items", AddLineItemAsync).WithIdempotency();
        api.MapPut("/{id:guid}/line_items/{lineId:guid}", UpdateLineItemAsync);
        api.MapDelete("/{id:guid}/line_items/{lineId:guid}", RemoveLineItemAsync);
        api.MapPost("/{id:guid}/contact_roles", AddContactRoleAsync).WithIdempotency();
        api.MapDelete("/{id:guid}/contact_roles/{roleId:guid}", RemoveContactRoleAsync);
        return app;
    }

    private static readonly CsvColumn<OpportunityListItem>[] ExportColumns =
    [
        new("Opportunity Name", o => o.Name),
        new("Account Name", o => o.AccountName),
        new("Amount", o => o.CalculatedAmount),
        new("Close Date", o => o.CloseDate),
        new("Stage", o => o.Stage),
        new("Probability (%)", o => o.Probability),
        new("Opportunity Owner", o => o.OwnerName),
    ];

    public static async Task<Results<Ok<OpportunityListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [AsParameters] OpportunityListFilter filter,
        ClaimsPrincipal caller,
        OpportunityQueries queries,
        SalesDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (rows, sorted) = Rows(query, filter, caller, queries, db, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var page = await sorted.ToPageAsync(db, query, r => r, cancellationToken);
        var totalAmount = await rows.SumAsync(r => r.CalculatedAmount, cancellationToken);
        return TypedResults.Ok(OpportunityListResponse.From(page, totalAmount));
    }

    public static Results<CsvExportResult<OpportunityListItem>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [AsParameters] OpportunityListFilter filter,
        ClaimsPrincipal caller,
        OpportunityQueries queries,
        SalesDbContext db)
    {
        var errors = new ValidationErrors();
        var (_, sorted) = Rows(query, filter, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<OpportunityListItem>("opportunities", ExportColumns, sorted.AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered (for the amount total) and sorted; the list pages them, the export streams them all.</summary>
    private static (IQueryable<OpportunityListItem> Rows, IQueryable<OpportunityListItem> Sorted) Rows(
        ListQuery query, OpportunityListFilter filter, ClaimsPrincipal caller, OpportunityQueries queries, SalesDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);
        var listView = ListView.Parse(filter.View, caller, errors);
        var rows = filter.Apply(queries.ListItems(), caller, errors);
        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            rows = rows.Where(r => EF.Functions.ILike(r.Name, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(r.AccountName, pattern, QueryableListExtensions.LikeEscape));
        }

        rows = listView.Filter(rows, db, RecordTypes.Opportunity, me => r => r.OwnerId == me);
        return (rows, listView.Sort(rows, db, RecordTypes.Opportunity, query.Sort, r => r.ApplySort(query.Sort, Sorts, "name", o => o.Id)));
    }

    public static async Task<Results<Ok<OpportunityResponse>, NotFound>> GetAsync(Guid id, OpportunityQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } opportunity ? TypedResults.Ok(opportunity) : TypedResults.NotFound();

    public static async Task<Results<Created<OpportunityResponse>, ValidationProblem>> CreateAsync(
        CreateOpportunityRequest request, ClaimsPrincipal caller, SalesDbContext db, OpportunityQueries queries, CancellationToken cancellationToken)
    {
        var changes = request.ToChanges();
        var errors = new ValidationErrors();
        Opportunity.Validate(errors, changes, creating: true);
        if (request.Stage == OpportunityStage.ClosedWon)
        {
            errors.Add("stage", "A new opportunity has no products yet; add them before closing it as won.");
        }

        if (request.AccountId is { } accountId && !await queries.IsActiveAccountAsync(accountId, cancellationToken))
        {
            errors.Add("account_id", "Account not found.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        var opportunity = Opportunity.Create(changes, request.AccountId!.Value, caller.GetUserId(), now);
        db.Opportunities.Add(opportunity);
        db.AddIntegrationEvent(OpportunityEvents.Created(opportunity, now));
        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/opportunities/{opportunity.Id}", await queries.ToResponseAsync(opportunity, cancellationToken));
    }

    public static async Task<Results<Ok<OpportunityResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateOpportunityRequest request, ClaimsPrincipal caller, SalesDbContext db, OpportunityQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version.Value is null)
        {
            errors.Add("version", "Version is required.");
        }

        Opportunity.Validate(errors, request, creating: false);
        if (request.AccountId.IsSet)
        {
            errors.Add("account_id", "An opportunity stays with its account.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var opportunity = await queries.LoadAsync(id, cancellationToken);
        if (opportunity is null)
        {
            return TypedResults.NotFound();
        }

        if (opportunity.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(await queries.ToResponseAsync(opportunity, cancellationToken));
        }

        if (request.Stage.Value is { } stage && opportunity.CannotMoveTo(stage) is { } reason)
        {
            errors.Add("stage", reason);
        }

        if (request.OwnerId.Value is { } newOwner && newOwner != opportunity.OwnerId && !await queries.IsActiveUserAsync(newOwner, cancellationToken))
        {
            errors.Add("owner_id", "Opportunity Owner must be an active user.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        var change = opportunity.Apply(request, caller.GetUserId(), now);
        db.AddIntegrationEvent(OpportunityEvents.Updated(opportunity, now));
        if (change.ClosedWon)
        {
            var accountName = await queries.AccountNameAsync(opportunity.AccountId, cancellationToken) ?? "";
            var products = await queries.ProductsAsync(opportunity.LineItems.Select(l => l.ProductId), cancellationToken);
            db.AddIntegrationEvent(OpportunityEvents.ClosedWon(opportunity, accountName, products, now));
        }
        else if (change.Reopened)
        {
            db.AddIntegrationEvent(OpportunityEvents.Reopened(opportunity, now));
        }

        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await queries.ToResponseAsync(opportunity, cancellationToken));
    }

    public static async Task<Results<Created<OpportunityResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddLineItemAsync(
        Guid id, AddLineItemRequest request, ClaimsPrincipal caller, SalesDbContext db, OpportunityQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.ProductId is null)
        {
            errors.Add("product_id", "Product is required.");
        }

        Opportunity.ValidateLine(errors, request.Quantity, request.SalePrice, creating: true);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var opportunity = await queries.LoadAsync(id, cancellationToken);
        if (opportunity is null)
        {
            return TypedResults.NotFound();
        }

        if (opportunity.LinesLocked() is { } locked)
        {
            return ConflictResults.State(locked);
        }

        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.ProductId, cancellationToken);
        if (product is null)
        {
            return errors.Add("product_id", "Product not found.").ToProblem();
        }

        if (!product.IsActive)
        {
            return errors.Add("product_id", $"{product.Name} is inactive and can't be added.").ToProblem();
        }

        var now = DbClock.UtcNow;
        var line = opportunity.AddLine(product, request.Quantity!.Value, request.SalePrice, caller.GetUserId(), now);
        db.OpportunityLineItems.Add(line);
        return TypedResults.Created($"/api/v1/opportunities/{id}/line_items/{line.Id}", await SaveAsync(opportunity, caller, db, queries, now, cancellationToken));
    }

    public static async Task<Results<Ok<OpportunityResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateLineItemAsync(
        Guid id, Guid lineId, UpdateLineItemRequest request, ClaimsPrincipal caller, SalesDbContext db, OpportunityQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Opportunity.ValidateLine(errors, request.Quantity, request.SalePrice, creating: false);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var opportunity = await queries.LoadAsync(id, cancellationToken);
        if (opportunity is null || opportunity.LineItems.All(l => l.Id != lineId))
        {
            return TypedResults.NotFound();
        }

        if (opportunity.LinesLocked() is { } locked)
        {
            return ConflictResults.State(locked);
        }

        var now = DbClock.UtcNow;
        opportunity.UpdateLine(lineId, request.Quantity, request.SalePrice, caller.GetUserId(), now);
        return TypedResults.Ok(await SaveAsync(opportunity, caller, db, queries, now, cancellationToken));
    }

    public static async Task<Results<Ok<OpportunityResponse>, NotFound, ProblemHttpResult>> RemoveLineItemAsync(
        Guid id, Guid lineId, ClaimsPrincipal caller, SalesDbContext db, OpportunityQueries queries, CancellationToken cancellationToken)
    {
        var opportunity = await queries.LoadAsync(id, cancellationToken);
        if (opportunity is null || opportunity.LineItems.All(l => l.Id != lineId))
        {
            return TypedResults.NotFound();
        }

        if (opportunity.LinesLocked() is { } locked)
        {
            return ConflictResults.State(locked);
        }

        var now = DbClock.UtcNow;
        db.OpportunityLineItems.Remove(opportunity.RemoveLine(lineId, caller.GetUserId(), now)!);
        return TypedResults.Ok(await SaveAsync(opportunity, caller, db, queries, now, cancellationToken));
    }

    public static async Task<Results<Created<OpportunityResponse>, NotFound, ValidationProblem>> AddContactRoleAsync(
        Guid id, AddContactRoleRequest request, ClaimsPrincipal caller, SalesDbContext db, OpportunityQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.ContactId is null)
        {
            errors.Add("contact_id", "Contact is required.");
        }

        if (request.Role is null)
        {
            errors.Add("role", "Role is required.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var opportunity = await queries.LoadAsync(id, cancellationToken);
        if (opportunity is null)
        {
            return TypedResults.NotFound();
        }

        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ContactId, cancellationToken);
        if (contact is null || !contact.IsActive || contact.AccountId != opportunity.AccountId)
        {
            errors.Add("contact_id", "Choose an active contact of the opportunity's account.");
        }
        else if (opportunity.HasContact(contact.Id))
        {
            errors.Add("contact_id", $"{contact.FullName} already has a role on this opportunity.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        opportunity.AddContactRole(contact!.Id, request.Role!.Value, caller.GetUserId(), now);
        db.OpportunityContactRoles.Add(opportunity.ContactRoles[^1]);
        return TypedResults.Created($"/api/v1/opportunities/{id}/contact_roles/{opportunity.ContactRoles[^1].Id}", await SaveAsync(opportunity, caller, db, queries, now, cancellationToken));
    }

    public static async Task<Results<Ok<OpportunityResponse>, NotFound>> RemoveContactRoleAsync(
        Guid id, Guid roleId, ClaimsPrincipal caller, SalesDbContext db, OpportunityQueries queries, CancellationToken cancellationToken)
    {
        var opportunity = await queries.LoadAsync(id, cancellationToken);
        var now = DbClock.UtcNow;
        if (opportunity?.RemoveContactRole(roleId, caller.GetUserId(), now) is not { } removed)
        {
            return TypedResults.NotFound();
        }

        db.OpportunityContactRoles.Remove(removed);
        return TypedResults.Ok(await SaveAsync(opportunity, caller, db, queries, now, cancellationToken));
    }

    /// <summary>Saves a change of lines or roles: the amount may have moved, so other services hear of it.</summary>
    private static async Task<OpportunityResponse> SaveAsync(
        Opportunity opportunity, ClaimsPrincipal caller, SalesDbContext db, OpportunityQueries queries, DateTime now, CancellationToken cancellationToken)
    {
        db.AddIntegrationEvent(OpportunityEvents.Updated(opportunity, now));
        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await queries.ToResponseAsync(opportunity, cancellationToken);
    }
}
