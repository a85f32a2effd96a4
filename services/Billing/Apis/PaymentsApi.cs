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

/// <summary>
/// Payments against orders. Every change runs in one transaction holding the order's row lock, and
/// recomputes the order's status from the sums before it commits. Payments are voided, never deleted.
/// </summary>
public static class PaymentsApi
{
    private static readonly Dictionary<string, Expression<Func<PaymentListItem, object?>>> Sorts = new()
    {
        ["payment_date"] = p => p.PaymentDate,
        ["amount"] = p => p.Amount,
        ["status"] = p => p.Status,
        ["payment_method"] = p => p.PaymentMethod,
        ["order_number"] = p => p.OrderNumber,
        ["contract_number"] = p => p.ContractNumber,
        ["account_name"] = p => p.AccountName.ToLower(),
        ["service_period_start"] = p => p.ServicePeriodStart,
        ["created_at"] = p => p.CreatedAt,
    };

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/orders/{id:guid}/payments", LogAsync).WithTags("Payments").WithIdempotency();
        var api = app.MapGroup("/api/v1/payments").WithTags("Payments");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Payment);
        api.MapPut("/{id:guid}", UpdateAsync);
        return app;
    }

    private static readonly CsvColumn<PaymentListItem>[] ExportColumns =
    [
        new("Payment Date", p => p.PaymentDate),
        new("Amount", p => p.Amount),
        new("Order / Contract", p => p.OrderNumber ?? p.ContractNumber),
        new("Account Name", p => p.AccountName),
        new("Payment Method", p => p.PaymentMethod),
        new("Status", p => p.Status),
        new("Service Period Start", p => p.ServicePeriodStart),
        new("Service Period End", p => p.ServicePeriodEnd),
    ];

    public static async Task<Results<Ok<PagedResult<PaymentListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [FromQuery(Name = "order_id")] Guid? orderId,
        [FromQuery(Name = "contract_id")] Guid? contractId,
        [FromQuery(Name = "account_id")] Guid? accountId,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "payment_method")] string? paymentMethod,
        [FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        OrderQueries queries,
        BillingDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, orderId, contractId, accountId, status, paymentMethod, view, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : TypedResults.Ok(await rows.ToPageAsync(db, query, r => r, cancellationToken));
    }

    public static Results<CsvExportResult<PaymentListItem>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [FromQuery(Name = "order_id")] Guid? orderId,
        [FromQuery(Name = "contract_id")] Guid? contractId,
        [FromQuery(Name = "account_id")] Guid? accountId,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "payment_method")] string? paymentMethod,
        [FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        OrderQueries queries,
        BillingDbContext db)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, orderId, contractId, accountId, status, paymentMethod, view, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<PaymentListItem>("payments", ExportColumns, rows.AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered and sorted; the list pages them, the export streams them all.</summary>
    private static IQueryable<PaymentListItem> Rows(
        ListQuery query, Guid? orderId, Guid? contractId, Guid? accountId, string? status, string? paymentMethod, string? view, ClaimsPrincipal caller, OrderQueries queries, BillingDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);

        var statusFilter = EnumNames.ParseFilter<PaymentStatus>(status, "status", "Status", errors);

        var methodFilter = EnumNames.ParseFilter<PaymentMethod>(paymentMethod, "payment_method", "Payment Method", errors);

        var listView = ListView.Parse(view, caller, errors);

        var rows = queries.PaymentRows();
        if (orderId is { } order)
        {
            rows = rows.Where(p => p.OrderId == order);
        }

        if (contractId is { } contract)
        {
            rows = rows.Where(p => p.ContractId == contract);
        }

        if (accountId is { } account)
        {
            rows = rows.Where(p => p.AccountId == account);
        }

        if (statusFilter is { } s)
        {
            rows = rows.Where(p => p.Status == s);
        }

        if (methodFilter is { } m)
        {
            rows = rows.Where(p => p.PaymentMethod == m);
        }

        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            rows = rows.Where(p => EF.Functions.ILike(p.OrderNumber!, pattern, QueryableListExtensions.LikeEscape)
                || EF.Functions.ILike(p.ContractNumber!, pattern, QueryableListExtensions.LikeEscape)
                || EF.Functions.ILike(p.AccountName, pattern, QueryableListExtensions.LikeEscape)
                || EF.Functions.ILike(p.TransactionId!, pattern, QueryableListExtensions.LikeEscape));
        }

        rows = listView.Filter(rows, db, RecordTypes.Payment, me => p => p.CreatedBy == me || queries.AccountsOwnedBy(me).Contains(p.AccountId));
        return listView.Sort(rows, db, RecordTypes.Payment, query.Sort, r => r.ApplySort(query.Sort, Sorts, "-payment_date", p => p.Id));
    }

    public static async Task<Results<Ok<PaymentResponse>, NotFound>> GetAsync(Guid id, OrderQueries queries, CancellationToken cancellationToken) =>
        await queries.GetPaymentAsync(id, cancellationToken) is { } payment ? TypedResults.Ok(payment) : TypedResults.NotFound();

    public static async Task<Results<Created<PaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> LogAsync(
        Guid id, CreatePaymentRequest request, HttpContext http, ClaimsPrincipal caller, BillingDbContext db, OrderQueries queries, OrderLedger ledger, CancellationToken cancellationToken)
    {
        var changes = request.ToChanges();
        var errors = new ValidationErrors();
        Payment.Validate(errors, changes, current: null);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        await db.EnsureCallerAsync(caller, cancellationToken);
        await using var transaction = await db.BeginTransactionScopeAsync(cancellationToken);
        var order = await queries.LockAsync(id, cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }

        if (order.RefusesPayments() is { } refused)
        {
            return ConflictResults.State(refused);
        }

        var now = DbClock.UtcNow;
        var by = caller.GetUserId();
        var payment = Payment.Log(order.Id, changes, by, now);
        if (await ledger.OverpaymentAsync(order.Id, 0m, payment.Counted, cancellationToken) is { } overpaid)
        {
            return errors.Add("amount", overpaid).ToProblem();
        }

        db.Payments.Add(payment);
        db.AddIntegrationEvent(PaymentEvents.Recorded(payment, order, now));
        await db.SaveChangesAsync(cancellationToken);
        FaultInjection.ThrowIfRequested(http, "payment");

        await ledger.RecomputeAsync(order, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/payments/{payment.Id}", await queries.ToPaymentResponseAsync(payment.Id, order, cancellationToken));
    }

    public static async Task<Results<Ok<PaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdatePaymentRequest request, HttpContext http, ClaimsPrincipal caller, BillingDbContext db, OrderQueries queries, OrderLedger ledger, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version.Value is null)
        {
            errors.Add("version", "Version is required.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var parent = await db.Payments.Where(p => p.Id == id).Select(p => new { p.OrderId, p.ContractId }).SingleOrDefaultAsync(cancellationToken);
        if (parent is null)
        {
            return TypedResults.NotFound();
        }

        if (parent.ContractId is { } contractId)
        {
            return await ContractsApi.UpdatePaymentAsync(id, contractId, request, http, caller, db, queries, cancellationToken);
        }

        var orderId = parent.OrderId!.Value;
        await db.EnsureCallerAsync(caller, cancellationToken);
        await using var transaction = await db.BeginTransactionScopeAsync(cancellationToken);
        // The order's lock first, as when logging a payment: every payment change of one order queues here.
        var order = (await queries.LockAsync(orderId, cancellationToken))!;
        var payment = await db.Payments.SingleAsync(p => p.Id == id, cancellationToken);
        if (payment.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(await queries.ToPaymentResponseAsync(payment.Id, order, cancellationToken));
        }

        if (payment.Locked() is { } locked)
        {
            return ConflictResults.State(locked);
        }

        Payment.Validate(errors, request, payment);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var voiding = request.Status.Value == PaymentStatus.Void;
        if (!voiding && order.RefusesPayments() is { } refused)
        {
            return ConflictResults.State($"{refused} Its payments can only be voided.");
        }

        var now = DbClock.UtcNow;
        var by = caller.GetUserId();
        var countedBefore = payment.Counted;
        var voided = payment.Apply(request, by, now);
        if (await ledger.OverpaymentAsync(order.Id, countedBefore, payment.Counted, cancellationToken) is { } overpaid)
        {
            return errors.Add("amount", overpaid).ToProblem();
        }

        if (voided)
        {
            db.AddIntegrationEvent(PaymentEvents.Voided(payment, order, now));
        }
        else
        {
            db.AddIntegrationEvent(PaymentEvents.Updated(payment, order, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        FaultInjection.ThrowIfRequested(http, "payment");

        await ledger.RecomputeAsync(order, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await queries.ToPaymentResponseAsync(payment.Id, order, cancellationToken));
    }
}
