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
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

public static class LeadsApi
{
    private static readonly Dictionary<string, Expression<Func<LeadListItem, object?>>> Sorts = new()
    {
        ["name"] = l => l.LastName.ToLower(),
        ["company"] = l => l.Company.ToLower(),
        ["status"] = l => l.Status,
        ["lead_source"] = l => l.LeadSource,
        ["owner"] = l => l.OwnerName,
        ["created_at"] = l => l.CreatedAt,
    };

    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/leads").WithTags("Leads");
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", Export);
        api.MapGet("/{id:guid}", GetAsync).RecordsRecentView(RecordTypes.Lead);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapPost("/{id:guid}/convert", ConvertAsync).WithIdempotency();
        api.MapCsvImport<LeadImporter, LeadChanges>();
        return app;
    }

    private static readonly CsvColumn<LeadListItem>[] ExportColumns =
    [
        new("Name", l => l.Name),
        new("Company", l => l.Company),
        new("Title", l => l.Title),
        new("Email", l => l.Email),
        new("Phone", l => l.Phone),
        new("Lead Status", l => l.Status),
        new("Lead Source", l => l.LeadSource),
        new("Lead Owner", l => l.OwnerName),
        new("Created Date", l => l.CreatedAt),
    ];

    public static async Task<Results<Ok<PagedResult<LeadListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "owner_id")] string? ownerId,
        [FromQuery(Name = "lead_source")] string? leadSource,
        [FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        SalesDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, status, ownerId, leadSource, view, caller, db, errors);
        return errors.HasErrors ? errors.ToProblem() : TypedResults.Ok(await rows.ToPageAsync(db, query, l => l, cancellationToken));
    }

    public static Results<CsvExportResult<LeadListItem>, ValidationProblem> Export(
        [AsParameters] ListQuery query,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "owner_id")] string? ownerId,
        [FromQuery(Name = "lead_source")] string? leadSource,
        [FromQuery(Name = "view")] string? view,
        ClaimsPrincipal caller,
        SalesDbContext db)
    {
        var errors = new ValidationErrors();
        var rows = Rows(query, status, ownerId, leadSource, view, caller, db, errors);
        return errors.HasErrors ? errors.ToProblem() : new CsvExportResult<LeadListItem>("leads", ExportColumns, rows.AsAsyncEnumerable());
    }

    /// <summary>The list's rows, filtered and sorted; the list pages them, the export streams them all.</summary>
    private static IQueryable<LeadListItem> Rows(
        ListQuery query, string? status, string? ownerId, string? leadSource, string? view, ClaimsPrincipal caller, SalesDbContext db, ValidationErrors errors)
    {
        errors.CheckSort(query.Sort, Sorts);
        var statusFilter = EnumNames.ParseFilter<LeadStatus>(status, "status", "Lead Status", errors);
        var sourceFilter = EnumNames.ParseFilter<LeadSource>(leadSource, "lead_source", "Lead Source", errors);
        var owner = OwnerFilter.Parse(ownerId, caller, errors);
        var listView = ListView.Parse(view, caller, errors);

        var rows =
            from l in db.Leads
            join u in db.Users on l.OwnerId equals u.Id into owners
            from u in owners.DefaultIfEmpty()
            select new LeadListItem
            {
                Id = l.Id,
                FirstName = l.FirstName,
                LastName = l.LastName,
                Name = ((l.FirstName ?? "") + " " + l.LastName).Trim(),
                Company = l.Company,
                Title = l.Title,
                Email = l.Email,
                Phone = l.Phone,
                Status = l.Status,
                LeadSource = l.LeadSource,
                OwnerId = l.OwnerId,
                OwnerName = u == null ? "" : u.FirstName + " " + u.LastName,
                CreatedAt = l.CreatedAt,
                Version = l.Version,
            };
        // Open leads only, unless converted ones are asked for by name.
        rows = statusFilter is { } s ? rows.Where(l => l.Status == s) : rows.Where(l => l.Status != LeadStatus.Converted);
        if (owner is { } o)
        {
            rows = rows.Where(l => l.OwnerId == o);
        }

        if (sourceFilter is { } source)
        {
            rows = rows.Where(l => l.LeadSource == source);
        }

        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            rows = rows.Where(l => EF.Functions.ILike(l.Name, pattern, QueryableListExtensions.LikeEscape)
                || EF.Functions.ILike(l.Company, pattern, QueryableListExtensions.LikeEscape)
                || EF.Functions.ILike(l.Email!, pattern, QueryableListExtensions.LikeEscape));
        }

        rows = listView.Filter(rows, db, RecordTypes.Lead, me => l => l.OwnerId == me);
        return listView.Sort(rows, db, RecordTypes.Lead, query.Sort, r => r.ApplySort(query.Sort, Sorts, "-created_at", l => l.Id));
    }

    public static async Task<Results<Ok<LeadResponse>, NotFound>> GetAsync(Guid id, SalesDbContext db, CancellationToken cancellationToken) =>
        await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken) is { } lead
            ? TypedResults.Ok(await ToResponseAsync(db, lead, cancellationToken))
            : TypedResults.NotFound();

    public static async Task<Results<Created<LeadResponse>, ValidationProblem>> CreateAsync(
        CreateLeadRequest request, ClaimsPrincipal caller, SalesDbContext db, CancellationToken cancellationToken)
    {
        var changes = request.ToChanges();
        var errors = new ValidationErrors();
        Lead.Validate(errors, changes, creating: true);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var lead = LeadCreation.Add(db, changes, caller.GetUserId(), DbClock.UtcNow);
        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/leads/{lead.Id}", await ToResponseAsync(db, lead, cancellationToken));
    }

    public static async Task<Results<Ok<LeadResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateLeadRequest request, ClaimsPrincipal caller, SalesDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version.Value is null)
        {
            errors.Add("version", "Version is required.");
        }

        Lead.Validate(errors, request, creating: false);
        if (request.OwnerId.Value is { } newOwner && !await db.Users.AnyAsync(u => u.Id == newOwner && u.IsActive, cancellationToken))
        {
            errors.Add("owner_id", "Lead Owner must be an active user.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return TypedResults.NotFound();
        }

        if (lead.IsConverted)
        {
            return ConflictResults.State("The lead has been converted and is read-only.");
        }

        if (lead.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(await ToResponseAsync(db, lead, cancellationToken));
        }

        var now = DbClock.UtcNow;
        lead.Apply(request, caller.GetUserId(), now);
        db.AddIntegrationEvent(LeadEvents.Updated(lead, now));
        await db.EnsureCallerAsync(caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ToResponseAsync(db, lead, cancellationToken));
    }

    public static async Task<Results<Ok<ConvertLeadResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ConvertAsync(
        Guid id, ConvertLeadRequest request, HttpContext http, ClaimsPrincipal caller, SalesDbContext db, LeadConverter converter, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("opportunity_name", request.OpportunityName, "Opportunity Name")
            .MaxLength("opportunity_name", request.OpportunityName?.Trim(), Opportunity.NameMax, "Opportunity Name");
        if (request.AccountId is { } accountId && !await db.Accounts.AnyAsync(a => a.Id == accountId && a.IsActive, cancellationToken))
        {
            errors.Add("account_id", "Account not found.");
        }

        var lead = await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return TypedResults.NotFound();
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (lead.IsConverted)
        {
            return ConflictResults.State("The lead has already been converted.");
        }

        if (lead.Email is { } email && await db.Contacts.AnyAsync(c => c.IsActive && c.Email != null && c.Email.ToLower() == email.ToLower(), cancellationToken))
        {
            return ConflictResults.State($"A contact with the email {email} already exists; change the lead's email or deactivate that contact first.");
        }

        await db.EnsureCallerAsync(caller, cancellationToken);
        var result = await converter.ConvertAsync(
            id, request.OpportunityName!.Trim(), request.AccountId, caller.GetUserId(), DbClock.UtcNow, step => FaultInjection.ThrowIfRequested(http, step), cancellationToken);
        if (result is null)
        {
            return ConflictResults.State("The lead has already been converted.");
        }

        return TypedResults.Ok(new ConvertLeadResponse(
            new RecordReference(result.Account.Id, result.Account.Name),
            new RecordReference(result.Contact.Id, result.Contact.FullName),
            new RecordReference(result.Opportunity.Id, result.Opportunity.Name),
            result.AccountCreated));
    }

    private static async Task<LeadResponse> ToResponseAsync(SalesDbContext db, Lead l, CancellationToken cancellationToken)
    {
        Guid[] userIds = [l.OwnerId, l.CreatedBy, l.UpdatedBy];
        var names = await db.UserNamesAsync(userIds, cancellationToken);
        string Name(Guid userId) => names.GetValueOrDefault(userId, "");
        return new LeadResponse(
            l.Id, l.FirstName, l.LastName, l.FullName, l.Company, l.Title, l.Email, l.Phone, l.Website, l.Address,
            l.Status, l.LeadSource, l.Industry, l.Description, l.OwnerId, Name(l.OwnerId), l.IsConverted,
            l.ConvertedAccountId, l.ConvertedContactId, l.ConvertedOpportunityId, l.ConvertedAt, l.Version,
            l.CreatedAt, l.CreatedBy, Name(l.CreatedBy), l.UpdatedAt, l.UpdatedBy, Name(l.UpdatedBy));
    }
}
