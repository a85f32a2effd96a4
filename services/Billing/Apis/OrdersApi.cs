using System.Linq.Expressions;
using System.Security.Claims;
using Crm.Billing.Infrastructure;
using Crm.Billing.IntegrationEvents;
using Crm.Billing.Model;
using Crm.Billing.Services;
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

namespace Crm.Billing.Apis;

/// <summary>Orders: generated once from a won deal, lines immutable, status the only thing people change.</summary>
public static class OrdersApi
{
    private static readonly Dictionary<string, Expression<Func<OrderListItem, object?>>> Sorts = new()
    {
        ["order_number"] = o => o.Number,
        ["order_date"] = o => o.OrderDate,
        ["status"] = o => o.Status,
        ["total"] = o => o.Total,
        ["account_name"] = o => o.AccountName.ToLower(),
        ["created_at"] = o => o.CreatedAt,
    };

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/opportunities/{id:guid}/generate-order", GenerateAsync).WithTags("Orders").WithIdempotency();
        var api = app.MapGroup("/api/v1/orders").WithTags("Orders");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Order);
        api.MapPut("/{id:guid}", UpdateAsync);
        return app;
    }

    public static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> GenerateAsync(
        Guid id, HttpContext http, ClaimsPrincipal caller, BillingDbContext db, OrderGenerator generator, OrderQueries queries, CancellationToken cancellationToken)
    {
        await db.EnsureCallerAsync(caller, cancellationToken);
        var result = await generator.GenerateAsync(id, caller.GetUserId(), DbClock.UtcNow, step => FaultInjection.ThrowIfRequested(http, step), cancellationToken);
        return result.Outcome switch
        {
            GenerateOutcome.Created => TypedResults.Created($"/api/v1/orders/{result.Order!.Id}", await queries.ToResponseAsync(result.Order, cancellationToken)),
            GenerateOutcome.AlreadyOrdered => AlreadyOrdered(result.Order!),
            GenerateOutcome.Refused => ConflictResults.State(result.Reason!),
            _ => BillingProblems.DealNotInBilling(),
        };
    }

    private static readonly CsvColumn<OrderListItem>[] ExportColumns =
    [
        new("Order Number", o => o.OrderNumber),
        new("Account Name", o => o.AccountName),
        new("Order Date", o => o.OrderDate),
        new("Status", o => o.Status),
        new("Total", o => o.Total),
        new("Total Paid", o => o.TotalPaid),
    ];

    public static async Task<Results<Ok<PagedResult<OrderListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [AsParameters] OrderListFilter filter,
        ClaimsPrincipal caller,
        OrderQueries queries,
        BillingDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, filter, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : TypedResults.Ok(await rows.ToPageAsync(db, query, r => r, cancellationToken));
    }

    public static Results<CsvExportResult<OrderListItem>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [AsParameters] OrderListFilter filter,
        ClaimsPrincipal caller,
        OrderQueries queries,
        BillingDbContext db)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, filter, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<OrderListItem>("orders", ExportColumns, rows.AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered and sorted; the list pages them, the export streams them all.</summary>
    private static IQueryable<OrderListItem> Rows(
        ListQuery query, OrderListFilter filter, ClaimsPrincipal caller, OrderQueries queries, BillingDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);
        var listView = ListView.Parse(filter.View, caller, errors);
        var rows = filter.Rows(queries, errors);
        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            rows = rows.Where(o => EF.Functions.ILike(o.OrderNumber, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(o.AccountName, pattern, QueryableListExtensions.LikeEscape));
        }

        rows = listView.Filter(rows, db, RecordTypes.Order, me => o => queries.AccountsOwnedBy(me).Contains(o.AccountId) || db.Orders.Any(x => x.Id == o.Id && x.CreatedBy == me));
        return listView.Sort(rows, db, RecordTypes.Order, query.Sort, r => r.ApplySort(query.Sort, Sorts, "-order_number", o => o.Id));
    }

    public static async Task<Results<Ok<OrderResponse>, NotFound>> GetAsync(Guid id, OrderQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();

    public static async Task<Results<Ok<OrderResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateOrderRequest request, ClaimsPrincipal caller, BillingDbContext db, OrderQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version.Value is null)
        {
            errors.Add("version", "Version is required.");
        }

        if (request.Status.Value is not { } status)
        {
            errors.Add("status", "Status is required.");
        }
        else if (Order.NotSettableByPeople(status) is { } notSettable)
        {
            errors.Add("status", notSettable);
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }

        if (order.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(await queries.ToResponseAsync(order, cancellationToken));
        }

        var wanted = request.Status.Value!.Value;
        if (order.CannotMoveTo(wanted) is { } reason)
        {
            return ConflictResults.State(reason);
        }

        var now = DbClock.UtcNow;
        var before = order.Status;
        if (order.SetStatus(wanted, caller.GetUserId(), now))
        {
            var (total, _) = await queries.SumsAsync(order.Id, cancellationToken);
            db.AddIntegrationEvent(OrderEvents.StatusChanged(order, before, total, now));
            await db.EnsureCallerAsync(caller, cancellationToken);
            // The version is a concurrency token: a payment that moved the status meanwhile makes this a 409.
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(await queries.ToResponseAsync(order, cancellationToken));
    }

    /// <summary>409 naming the order already generated, so a client can go to it.</summary>
    private static ProblemHttpResult AlreadyOrdered(Order order) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Conflict",
        Detail = $"Order {order.OrderNumber} was already generated for this opportunity.",
        Type = "https://crm.local/problems/state-conflict",
        Extensions = { ["order_id"] = order.Id, ["order_number"] = order.OrderNumber },
    });
}
