using System.Linq.Expressions;
using System.Security.Claims;
using Crm.Sales.Infrastructure;
using Crm.Sales.IntegrationEvents;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Lists;
using Crm.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Apis;

/// <summary>The product catalog: everyone reads active products; only admins see inactive ones and change any.</summary>
public static class ProductsApi
{
    private static readonly Dictionary<string, Expression<Func<Product, object?>>> Sorts = new()
    {
        ["name"] = p => p.Name.ToLower(),
        ["price"] = p => p.StandardListPrice,
        ["status"] = p => p.IsActive,
        ["is_retainer_product"] = p => p.IsRetainerProduct,
        ["created_at"] = p => p.CreatedAt,
        ["updated_at"] = p => p.UpdatedAt,
    };

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/products").WithTags("Products");
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Results<Ok<PagedResult<ProductResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "include_inactive")] bool? includeInactive,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "is_retainer_product")] bool? isRetainerProduct,
        ClaimsPrincipal caller,
        SalesDbContext db,
        CancellationToken cancellationToken)
    {
        if (new ValidationErrors().CheckSort(query.Sort, Sorts) is { HasErrors: true } sortErrors)
        {
            return sortErrors.ToProblem();
        }

        var products = db.Products.AsNoTracking();
        // Users only ever see what they can sell; the inactive part of the catalog is an admin matter.
        if (includeInactive != true || !caller.IsAdmin())
        {
            products = products.Where(p => p.IsActive);
        }

        if (isRetainerProduct is { } retainer)
        {
            products = products.Where(p => p.IsRetainerProduct == retainer);
        }

        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            products = products.Where(p => EF.Functions.ILike(p.Name, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(p.Description!, pattern, QueryableListExtensions.LikeEscape));
        }

        var page = await products.ApplySort(query.Sort, Sorts, "name", p => p.Id).ToPageAsync(db, query, p => p, cancellationToken);
        return TypedResults.Ok(new PagedResult<ProductResponse>(page.Items.Select(ProductResponse.From).ToList(), page.Total, page.Page, page.PageSize));
    }

    public static async Task<Results<Ok<ProductResponse>, NotFound>> GetAsync(Guid id, SalesDbContext db, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is { } product
            ? TypedResults.Ok(ProductResponse.From(product))
            : TypedResults.NotFound();

    public static async Task<Results<Created<ProductResponse>, ValidationProblem>> CreateAsync(
        CreateProductRequest request, ClaimsPrincipal caller, SalesDbContext db, CancellationToken cancellationToken)
    {
        var changes = request.ToChanges();
        var errors = new ValidationErrors();
        Product.Validate(errors, changes, creating: true);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        var product = Product.Create(changes, caller.GetUserId(), now);
        db.Products.Add(product);
        db.AddIntegrationEvent(ProductEvents.Created(product, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/products/{product.Id}", ProductResponse.From(product));
    }

    public static async Task<Results<Ok<ProductResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateProductRequest request, ClaimsPrincipal caller, SalesDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version.Value is null)
        {
            errors.Add("version", "Version is required.");
        }

        Product.Validate(errors, request, creating: false);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return TypedResults.NotFound();
        }

        if (product.Version != request.Version.Value)
        {
            return ConflictResults.StaleVersion(ProductResponse.From(product));
        }

        var now = DbClock.UtcNow;
        product.Apply(request, caller.GetUserId(), now);
        db.AddIntegrationEvent(ProductEvents.Updated(product, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProductResponse.From(product));
    }
}
