using System.Linq.Expressions;
using System.Security.Claims;
using Crm.Sales.Infrastructure;
using Crm.Sales.IntegrationEvents;
using Crm.Sales.Model;
using Crm.Sales.Services;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Import;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Lists;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

public static class AccountsApi
{
    private static readonly Dictionary<string, Expression<Func<AccountListItem, object?>>> Sorts = new()
    {
        ["name"] = a => a.Name.ToLower(),
        ["phone"] = a => a.Phone,
        ["website"] = a => a.Website,
        ["type"] = a => a.Type,
        ["owner"] = a => a.OwnerName,
        ["created_at"] = a => a.CreatedAt,
        ["updated_at"] = a => a.UpdatedAt,
    };

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Account);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapCsvImport<AccountImporter, AccountFields>();
        return app;
    }

    private static readonly CsvColumn<AccountListItem>[] ExportColumns =
    [
        new("Account Name", a => a.Name),
        new("Phone", a => a.Phone),
        new("Website", a => a.Website),
        new("Type", a => a.Type),
        new("Account Owner", a => a.OwnerName),
        new("Created Date", a => a.CreatedAt),
    ];

    public static async Task<Results<Ok<PagedResult<AccountListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "owner_id")] string? ownerId,
        string? type,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        AccountQueries queries,
        SalesDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, ownerId, type, view, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : TypedResults.Ok(await rows.ToPageAsync(db, query, a => a, cancellationToken));
    }

    public static Results<CsvExportResult<AccountListItem>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "owner_id")] string? ownerId,
        string? type,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        AccountQueries queries,
        SalesDbContext db)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, ownerId, type, view, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<AccountListItem>("accounts", ExportColumns, rows.AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered and sorted; the list pages them, the export streams them all.</summary>
    private static IQueryable<AccountListItem> Rows(
        ListQuery query, string? ownerId, string? type, string? view, ClaimsPrincipal caller, AccountQueries queries, SalesDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);
        var owner = OwnerFilter.Parse(ownerId, caller, errors);
        var accountType = EnumNames.ParseFilter<AccountType>(type, "type", "Type", errors);
        var listView = ListView.Parse(view, caller, errors);

        var rows = queries.ActiveListItems(query.Search);

        if (owner is { } ownerFilter)
        {
            rows = rows.Where(a => a.OwnerId == ownerFilter);
        }

        if (accountType is { } typeFilter)
        {
            rows = rows.Where(a => a.Type == typeFilter);
        }

        rows = listView.Filter(rows, db, RecordTypes.Account, me => a => a.OwnerId == me);
        return listView.Sort(rows, db, RecordTypes.Account, query.Sort, r => r.ApplySort(query.Sort, Sorts, "name", a => a.Id));
    }

    public static async Task<Results<Ok<AccountResponse>, NotFound>> GetAsync(Guid id, AccountQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } account ? TypedResults.Ok(account) : TypedResults.NotFound();

    public static async Task<Results<Created<AccountResponse>, ValidationProblem>> CreateAsync(
        CreateAccountRequest request, ClaimsPrincipal caller, SalesDbContext db, AccountQueries queries, CancellationToken cancellationToken)
    {
        var fields = request.ToFields();
        var errors = new ValidationErrors();
        await AccountCreation.CheckAsync(errors, fields, queries);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var account = AccountCreation.Add(db, fields, caller.GetUserId(), DbClock.UtcNow);
        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/accounts/{account.Id}", await queries.ToResponseAsync(account, cancellationToken));
    }

    public static async Task<Results<Ok<AccountResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateAccountRequest request, ClaimsPrincipal caller, SalesDbContext db, AccountQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version.Value is null)
        {
            errors.Add("version", "Version is required.");
        }

        Account.Validate(errors, request, creating: false);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        if (account.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(await queries.ToResponseAsync(account, cancellationToken));
        }

        if (request.ParentAccountId.IsSet)
        {
            await HierarchyRule.CheckAsync(errors, "parent_account_id", HierarchyRule.ParentAccount, account.Id, request.ParentAccountId.Value, queries.HierarchyAsync);
        }

        if (request.OwnerId.Value is { } newOwner && newOwner != account.OwnerId && !await queries.IsActiveUserAsync(newOwner, cancellationToken))
        {
            errors.Add("owner_id", "Account Owner must be an active user.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        var deactivated = account.Apply(request, caller.GetUserId(), now);
        if (deactivated)
        {
            db.AddIntegrationEvent(AccountEvents.Deactivated(account, now));
        }
        else
        {
            db.AddIntegrationEvent(AccountEvents.Updated(account, now));
        }

        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await queries.ToResponseAsync(account, cancellationToken));
    }
}
