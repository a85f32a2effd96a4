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
/// Retainer contracts: generated once from a won deal holding a retainer product; people move the end
/// date, terminate them and keep notes. Payments against a contract cover a service period.
/// </summary>
public static class ContractsApi
{
    private static readonly Dictionary<string, Expression<Func<ContractListItem, object?>>> Sorts = new()
    {
        ["contract_number"] = c => c.Number,
        ["account_name"] = c => c.AccountName.ToLower(),
        ["start_date"] = c => c.StartDate,
        ["end_date"] = c => c.EndDate,
        ["billing_cycle"] = c => c.BillingCycle,
        ["price_per_cycle"] = c => c.PricePerCycle,
        ["status"] = c => c.Status,
        ["total_paid"] = c => c.TotalPaid,
        ["created_at"] = c => c.CreatedAt,
    };

    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/opportunities/{id:guid}/generate-contract", GenerateAsync).WithTags("Contracts").WithIdempotency();
        var api = app.MapGroup("/api/v1/contracts").WithTags("Contracts");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Contract);
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapPost("/{id:guid}/payments", LogPaymentAsync).WithIdempotency();
        return app;
    }

    public static async Task<Results<Created<ContractResponse>, ValidationProblem, ProblemHttpResult>> GenerateAsync(
        Guid id, GenerateContractRequest request, HttpContext http, ClaimsPrincipal caller, BillingDbContext db, ContractGenerator generator, OrderQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.StartDate is null)
        {
            errors.Add("start_date", "Start Date is required.");
        }

        if (request.BillingCycle is null)
        {
            errors.Add("billing_cycle", EnumNames.OneOfMessage<BillingCycle>("Billing Cycle"));
        }

        Contract.Validate(errors, request.StartDate, request.EndDate, request.Notes, current: null);
        Money.Check(errors, "price_per_cycle", request.PricePerCycle, "Price per Cycle");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        await db.EnsureCallerAsync(caller, cancellationToken);
        var terms = new ContractTerms(request.StartDate!.Value, request.EndDate!.Value, request.BillingCycle!.Value, request.PricePerCycle, request.Notes);
        var result = await generator.GenerateAsync(id, terms, caller.GetUserId(), DbClock.UtcNow, step => FaultInjection.ThrowIfRequested(http, step), cancellationToken);
        return result.Outcome switch
        {
            GenerateContractOutcome.Created => TypedResults.Created($"/api/v1/contracts/{result.Contract!.Id}", await queries.ToContractResponseAsync(result.Contract, cancellationToken)),
            GenerateContractOutcome.AlreadyContracted => AlreadyContracted(result.Contract!),
            GenerateContractOutcome.Refused => ConflictResults.State(result.Reason!),
            GenerateContractOutcome.Invalid => errors.Add("price_per_cycle", result.Reason!).ToProblem(),
            _ => BillingProblems.DealNotInBilling(),
        };
    }

    private static readonly CsvColumn<ContractListItem>[] ExportColumns =
    [
        new("Contract Number", c => c.ContractNumber),
        new("Account Name", c => c.AccountName),
        new("Start Date", c => c.StartDate),
        new("End Date", c => c.EndDate),
        new("Billing Cycle", c => c.BillingCycle),
        new("Price per Cycle", c => c.PricePerCycle),
        new("Status", c => c.Status),
        new("Total Paid", c => c.TotalPaid),
    ];

    public static async Task<Results<Ok<PagedResult<ContractListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "account_id")] Guid? accountId,
        [FromQuery(Name = "opportunity_id")] Guid? opportunityId,
        [FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        OrderQueries queries,
        BillingDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, status, accountId, opportunityId, view, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : TypedResults.Ok(await rows.ToPageAsync(db, query, r => r, cancellationToken));
    }

    public static Results<CsvExportResult<ContractListItem>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "account_id")] Guid? accountId,
        [FromQuery(Name = "opportunity_id")] Guid? opportunityId,
        [FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        OrderQueries queries,
        BillingDbContext db)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, status, accountId, opportunityId, view, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<ContractListItem>("contracts", ExportColumns, rows.AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered and sorted; the list pages them, the export streams them all.</summary>
    private static IQueryable<ContractListItem> Rows(
        ListQuery query, string? status, Guid? accountId, Guid? opportunityId, string? view, ClaimsPrincipal caller, OrderQueries queries, BillingDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);

        var statusFilter = EnumNames.ParseFilter<ContractStatus>(status, "status", "Status", errors);

        var listView = ListView.Parse(view, caller, errors);

        var rows = queries.ContractRows(OrderQueries.Today);
        if (statusFilter is { } s)
        {
            rows = rows.Where(c => c.Status == s);
        }

        if (accountId is { } account)
        {
            rows = rows.Where(c => c.AccountId == account);
        }

        if (opportunityId is { } opportunity)
        {
            rows = rows.Where(c => c.OpportunityId == opportunity);
        }

        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            rows = rows.Where(c => EF.Functions.ILike(c.ContractNumber, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(c.AccountName, pattern, QueryableListExtensions.LikeEscape));
        }

        rows = listView.Filter(rows, db, RecordTypes.Contract, me => c => queries.AccountsOwnedBy(me).Contains(c.AccountId) || db.Contracts.Any(x => x.Id == c.Id && x.CreatedBy == me));
        return listView.Sort(rows, db, RecordTypes.Contract, query.Sort, r => r.ApplySort(query.Sort, Sorts, "-contract_number", c => c.Id));
    }

    public static async Task<Results<Ok<ContractResponse>, NotFound>> GetAsync(Guid id, OrderQueries queries, CancellationToken cancellationToken) =>
        await queries.GetContractAsync(id, cancellationToken) is { } contract ? TypedResults.Ok(contract) : TypedResults.NotFound();

    public static async Task<Results<Ok<ContractResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateContractRequest request, ClaimsPrincipal caller, BillingDbContext db, OrderQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version.Value is null)
        {
            errors.Add("version", "Version is required.");
        }

        if (request.Status.IsSet && request.Status.Value is not ContractStatus.Terminated)
        {
            errors.Add("status", "Status can only be set to Terminated; Expired follows the end date.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        if (contract.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(await queries.ToContractResponseAsync(contract, cancellationToken));
        }

        Contract.Validate(errors, null, request.EndDate, request.Notes, contract);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (contract.Refuses(request) is { } refused)
        {
            return ConflictResults.State(refused);
        }

        var now = DbClock.UtcNow;
        if (contract.Apply(request, caller.GetUserId(), now))
        {
            db.AddIntegrationEvent(ContractEvents.Updated(contract, now));
            await db.EnsureCallerAsync(caller, cancellationToken);
            // The version is a concurrency token: a change made meanwhile makes this a 409.
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(await queries.ToContractResponseAsync(contract, cancellationToken));
    }

    /// <summary>A payment against the contract, for a service period (both ends required).</summary>
    public static async Task<Results<Created<PaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> LogPaymentAsync(
        Guid id, CreatePaymentRequest request, HttpContext http, ClaimsPrincipal caller, BillingDbContext db, OrderQueries queries, CancellationToken cancellationToken)
    {
        var changes = request.ToChanges();
        var errors = new ValidationErrors();
        Payment.Validate(errors, changes, current: null, forContract: true);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        await db.EnsureCallerAsync(caller, cancellationToken);
        await using var transaction = await db.BeginTransactionScopeAsync(cancellationToken);
        var contract = await queries.LockContractAsync(id, cancellationToken);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        if (contract.RefusesPayments() is { } refused)
        {
            return ConflictResults.State(refused);
        }

        var now = DbClock.UtcNow;
        var payment = Payment.LogForContract(contract.Id, changes, caller.GetUserId(), now);
        db.Payments.Add(payment);
        db.AddIntegrationEvent(PaymentEvents.Recorded(payment, contract, now));
        await db.SaveChangesAsync(cancellationToken);
        FaultInjection.ThrowIfRequested(http, "payment");
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/payments/{payment.Id}", await queries.ToPaymentResponseAsync(payment.Id, contract, cancellationToken));
    }

    /// <summary>PUT /payments/{id} for a contract's payment: the contract's lock, then as for an order's payment (no balance to respect).</summary>
    public static async Task<Results<Ok<PaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdatePaymentAsync(
        Guid id, Guid contractId, UpdatePaymentRequest request, HttpContext http, ClaimsPrincipal caller, BillingDbContext db, OrderQueries queries, CancellationToken cancellationToken)
    {
        await db.EnsureCallerAsync(caller, cancellationToken);
        await using var transaction = await db.BeginTransactionScopeAsync(cancellationToken);
        var contract = (await queries.LockContractAsync(contractId, cancellationToken))!;
        var payment = await db.Payments.SingleAsync(p => p.Id == id, cancellationToken);
        if (payment.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(await queries.ToPaymentResponseAsync(payment.Id, contract, cancellationToken));
        }

        if (payment.Locked() is { } locked)
        {
            return ConflictResults.State(locked);
        }

        var errors = new ValidationErrors();
        Payment.Validate(errors, request, payment);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var voiding = request.Status.Value == PaymentStatus.Void;
        if (!voiding && contract.RefusesPayments() is { } refused)
        {
            return ConflictResults.State($"{refused} Its payments can only be voided.");
        }

        var now = DbClock.UtcNow;
        var voided = payment.Apply(request, caller.GetUserId(), now);
        if (voided)
        {
            db.AddIntegrationEvent(PaymentEvents.Voided(payment, contract, now));
        }
        else
        {
            db.AddIntegrationEvent(PaymentEvents.Updated(payment, contract, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        FaultInjection.ThrowIfRequested(http, "payment");
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await queries.ToPaymentResponseAsync(payment.Id, contract, cancellationToken));
    }

    /// <summary>409 naming the contract already generated, so a client can go to it.</summary>
    private static ProblemHttpResult AlreadyContracted(Contract contract) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Conflict",
        Detail = $"Contract {contract.ContractNumber} was already generated for this opportunity.",
        Type = "https://crm.local/problems/state-conflict",
        Extensions = { ["contract_id"] = contract.Id, ["contract_number"] = contract.ContractNumber },
    });
}
