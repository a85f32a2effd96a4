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
using Crm.ServiceDefaults.Lists;
using Crm.ServiceDefaults.Messaging;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

public static class ContactsApi
{
    private static readonly Dictionary<string, Expression<Func<ContactListItem, object?>>> Sorts = new()
    {
        ["name"] = c => c.LastName.ToLower(),
        ["first_name"] = c => c.FirstName,
        ["account_name"] = c => c.AccountName.ToLower(),
        ["title"] = c => c.Title,
        ["email"] = c => c.Email,
        ["phone"] = c => c.Phone,
        ["owner"] = c => c.OwnerName,
        ["created_at"] = c => c.CreatedAt,
    };

    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/contacts").WithTags("Contacts");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Contact);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapCsvImport<ContactImporter, ContactChanges>();
        return app;
    }

    private static readonly CsvColumn<ContactListItem>[] ExportColumns =
    [
        new("Name", c => c.Name),
        new("Account Name", c => c.AccountName),
        new("Title", c => c.Title),
        new("Phone", c => c.Phone),
        new("Email", c => c.Email),
        new("Contact Owner", c => c.OwnerName),
    ];

    public static async Task<Results<Ok<PagedResult<ContactListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "account_id")] Guid? accountId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        ContactQueries queries,
        SalesDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, accountId, view, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : TypedResults.Ok(await rows.ToPageAsync(db, query, c => c, cancellationToken));
    }

    public static Results<CsvExportResult<ContactListItem>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "account_id")] Guid? accountId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        ContactQueries queries,
        SalesDbContext db)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, accountId, view, caller, queries, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<ContactListItem>("contacts", ExportColumns, rows.AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered and sorted; the list pages them, the export streams them all.</summary>
    private static IQueryable<ContactListItem> Rows(
        ListQuery query, Guid? accountId, string? view, ClaimsPrincipal caller, ContactQueries queries, SalesDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);
        var listView = ListView.Parse(view, caller, errors);
        var rows = queries.ActiveListItems(query.Search);
        if (accountId is { } account)
        {
            rows = rows.Where(c => c.AccountId == account);
        }

        rows = listView.Filter(rows, db, RecordTypes.Contact, me => c => c.OwnerId == me);
        return listView.Sort(rows, db, RecordTypes.Contact, query.Sort, r => r.ApplySort(query.Sort, Sorts, "name", c => c.Id));
    }

    public static async Task<Results<Ok<ContactResponse>, NotFound>> GetAsync(Guid id, ContactQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } contact ? TypedResults.Ok(contact) : TypedResults.NotFound();

    public static async Task<Results<Created<ContactResponse>, ValidationProblem>> CreateAsync(
        CreateContactRequest request, ClaimsPrincipal caller, SalesDbContext db, ContactQueries queries, CancellationToken cancellationToken)
    {
        var changes = request.ToChanges();
        var errors = new ValidationErrors();
        await ContactCreation.CheckAsync(errors, changes, queries, cancellationToken);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var contact = ContactCreation.Add(db, changes, caller.GetUserId(), DbClock.UtcNow);
        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/contacts/{contact.Id}", await queries.ToResponseAsync(contact, cancellationToken));
    }

    public static async Task<Results<Ok<ContactResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateContactRequest request, ClaimsPrincipal caller, SalesDbContext db, ContactQueries queries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version.Value is null)
        {
            errors.Add("version", "Version is required.");
        }

        Contact.Validate(errors, request, creating: false);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }

        if (contact.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(await queries.ToResponseAsync(contact, cancellationToken));
        }

        var accountId = request.AccountId.Value ?? contact.AccountId;
        if (request.AccountId.IsSet && accountId != contact.AccountId && !await queries.IsActiveAccountAsync(accountId, cancellationToken))
        {
            errors.Add("account_id", "Account not found.");
        }

        if (request.ReportsToId.IsSet || request.AccountId.IsSet)
        {
            await HierarchyRule.CheckAsync(errors, "reports_to_id", HierarchyRule.ReportsTo, contact.Id, request.ReportsToId.Or(contact.ReportsToId), queries.ReportsToLookup(accountId));
        }

        if (request.Email.IsSet)
        {
            await CheckEmailAsync(errors, queries, request.Email.Value, contact.Id, cancellationToken);
        }

        if (request.OwnerId.Value is { } newOwner && newOwner != contact.OwnerId && !await queries.IsActiveUserAsync(newOwner, cancellationToken))
        {
            errors.Add("owner_id", "Contact Owner must be an active user.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        if (contact.Apply(request, caller.GetUserId(), now))
        {
            db.AddIntegrationEvent(ContactEvents.Deactivated(contact, now));
        }
        else
        {
            db.AddIntegrationEvent(ContactEvents.Updated(contact, now));
        }

        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await queries.ToResponseAsync(contact, cancellationToken));
    }

    private static async Task CheckEmailAsync(ValidationErrors errors, ContactQueries queries, string? email, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(email) && await queries.EmailTakenAsync(email, exceptId, cancellationToken))
        {
            errors.Add("email", Contact.EmailTakenMessage);
        }
    }
}
