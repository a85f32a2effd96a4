using System.Linq.Expressions;
using System.Security.Claims;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.Identity.Services;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Apis;

/// <summary>Setup → API Clients: integrations that call the API with the client credentials grant (admin only).</summary>
public static class ApiClientsApi
{
    private const int NameMaxLength = 80;

    private static readonly Dictionary<string, Expression<Func<ApiClient, object?>>> Sorts = new()
    {
        ["name"] = c => c.Name,
        ["role"] = c => c.Role,
        ["is_active"] = c => c.IsActive,
        ["created_at"] = c => c.CreatedAt,
        ["updated_at"] = c => c.UpdatedAt,
    };

    public static IEndpointRouteBuilder MapApiClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/api-clients").WithTags("API Clients").RequireAuthorization(Policies.Admin);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapPost("/{id:guid}/rotate-secret", RotateSecretAsync).WithIdempotency();
        return app;
    }

    public static async Task<Results<Ok<PagedResult<ApiClientResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query, bool? isActive, IdentityDbContext db, CancellationToken cancellationToken)
    {
        if (new ValidationErrors().CheckSort(query.Sort, Sorts) is { HasErrors: true } sortErrors)
        {
            return sortErrors.ToProblem();
        }

        var clients = db.ApiClients.AsNoTracking();
        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            clients = clients.Where(c => EF.Functions.ILike(c.Name, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(c.ClientId, pattern, QueryableListExtensions.LikeEscape));
        }

        if (isActive is { } active)
        {
            clients = clients.Where(c => c.IsActive == active);
        }

        var page = await clients.ApplySort(query.Sort, Sorts, "name", c => c.Id).ToPageAsync(db, query, c => c, cancellationToken);
        return TypedResults.Ok(new PagedResult<ApiClientResponse>(page.Items.Select(ApiClientResponse.From).ToList(), page.Total, page.Page, page.PageSize));
    }

    public static async Task<Results<Ok<ApiClientResponse>, NotFound>> GetAsync(Guid id, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return client is null ? TypedResults.NotFound() : TypedResults.Ok(ApiClientResponse.From(client));
    }

    public static async Task<Results<Created<ApiClientWithSecretResponse>, ValidationProblem>> CreateAsync(
        CreateApiClientRequest request, ClaimsPrincipal principal, IdentityDbContext db, ApiClientCredentials credentials, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("name", request.Name, "Name").MaxLength("name", request.Name?.Trim(), NameMaxLength, "Name");
        errors.Role(request.Role, required: true);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var client = ApiClient.Create(request.Name!, request.Role!, principal.GetUserId(), DbClock.UtcNow);
        db.ApiClients.Add(client);
        // OpenIddict saves its application and this client in one SaveChanges: both or neither.
        var secret = await credentials.RegisterAsync(client, cancellationToken);
        return TypedResults.Created($"/api/v1/admin/api-clients/{client.Id}", ApiClientWithSecretResponse.From(client, secret));
    }

    public static async Task<Results<Ok<ApiClientResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateApiClientRequest request, ClaimsPrincipal principal, IdentityDbContext db, TokenRevoker revoker, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Version is required.");
        }

        if (request.Name is not null)
        {
            errors.Required("name", request.Name, "Name").MaxLength("name", request.Name.Trim(), NameMaxLength, "Name");
        }

        errors.Role(request.Role, required: false);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return TypedResults.NotFound();
        }

        if (client.Version != request.Version)
        {
            return ConflictResults.StaleVersion(ApiClientResponse.From(client));
        }

        var now = DbClock.UtcNow;
        var before = (client.IsActive, client.Role);
        client.Update(request.Name, request.Role, request.IsActive, principal.GetUserId(), now);
        await db.SaveChangesAsync(cancellationToken);
        if ((before.IsActive && !client.IsActive) || before.Role != client.Role)
        {
            // Disabled or given another role: the tokens it holds are refused at once in every service.
            await revoker.RevokeUserAsync(client.Id, now);
        }

        return TypedResults.Ok(ApiClientResponse.From(client));
    }

    public static async Task<Results<Ok<ApiClientWithSecretResponse>, NotFound>> RotateSecretAsync(
        Guid id, ClaimsPrincipal principal, IdentityDbContext db, ApiClientCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return TypedResults.NotFound();
        }

        client.SecretRotated(principal.GetUserId(), DbClock.UtcNow);
        var secret = await credentials.RotateAsync(client, cancellationToken);
        return TypedResults.Ok(ApiClientWithSecretResponse.From(client, secret));
    }
}
