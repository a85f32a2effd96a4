using System.Linq.Expressions;
using System.Security.Claims;
using Crm.Identity.Infrastructure;
using Crm.Identity.Mail;
using Crm.Identity.Model;
using Crm.Identity.Services;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Crm.ServiceDefaults.Lists;
using Crm.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Apis;

public static class UsersApi
{
    private static readonly Dictionary<string, Expression<Func<User, object?>>> Sorts = new()
    {
        ["name"] = u => u.LastName + " " + u.FirstName,
        ["email"] = u => u.Email,
        ["role"] = u => u.Role,
        ["is_active"] = u => u.IsActive,
        ["created_at"] = u => u.CreatedAt,
        ["updated_at"] = u => u.UpdatedAt,
        ["last_login_at"] = u => u.LastLoginAt,
    };

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapPost("/{id:guid}/set-password-link", NewLinkAsync).WithIdempotency();
        api.MapPost("/{id:guid}/reset-two-factor", ResetTwoFactorAsync).WithIdempotency();
        return app;
    }

    public static async Task<Results<Ok<PagedResult<UserResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] ListQuery query, bool? isActive, string? role, IdentityDbContext db, CancellationToken cancellationToken)
    {
        if (new ValidationErrors().CheckSort(query.Sort, Sorts) is { HasErrors: true } sortErrors)
        {
            return sortErrors.ToProblem();
        }

        var users = db.Users.AsNoTracking();
        if (query.Search is { } q)
        {
            var pattern = QueryableListExtensions.LikePattern(q);
            users = users.Where(u => EF.Functions.ILike(u.FirstName + " " + u.LastName, pattern, QueryableListExtensions.LikeEscape) || EF.Functions.ILike(u.Email, pattern, QueryableListExtensions.LikeEscape));
        }

        if (isActive is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            users = users.Where(u => u.Role == role);
        }

        var page = await users.ApplySort(query.Sort, Sorts, "name", u => u.Id)
            .ToPageAsync(db, query, u => u, cancellationToken);
        return TypedResults.Ok(new PagedResult<UserResponse>(page.Items.Select(UserResponse.From).ToList(), page.Total, page.Page, page.PageSize));
    }

    public static async Task<Results<Ok<UserResponse>, NotFound>> GetAsync(Guid id, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<Created<CreatedUserResponse>, ValidationProblem>> CreateAsync(
        CreateUserRequest request, ClaimsPrincipal principal, IdentityDbContext db, PasswordLinks links, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("first_name", request.FirstName, "First name").MaxLength("first_name", request.FirstName, 40, "First name")
            .Required("last_name", request.LastName, "Last name").MaxLength("last_name", request.LastName, 80, "Last name")
            .Required("email", request.Email, "Email").Email("email", request.Email?.Trim());
        errors.Role(request.Role, required: true);
        if (!string.IsNullOrWhiteSpace(request.Email) && await db.Users.AnyAsync(u => u.NormalizedEmail == User.Normalize(request.Email), cancellationToken))
        {
            errors.Add("email", "A user with this email already exists.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        var adminId = principal.GetUserId();
        var user = User.Create(request.Email!, request.FirstName!, request.LastName!, request.Role!, adminId, now);
        db.Users.Add(user);
        var (url, expires) = await links.IssueAsync(user.Id, adminId, now, cancellationToken);
        // Mailed to the user; the answer still carries the link, for the admin to hand over when mail is slow.
        db.MailOutbox.Add(IdentityMails.Welcome(user, url, expires, now));
        db.AddIntegrationEvent(UserEvents.Created(user, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/v1/admin/users/{user.Id}",
            new CreatedUserResponse(user.Id, user.Email, user.FirstName, user.LastName, user.Role, user.IsActive, user.Version, user.CreatedAt, user.UpdatedAt, url, expires));
    }

    public static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id,
        UpdateUserRequest request,
        ClaimsPrincipal principal,
        IdentityDbContext db,
        SessionManager sessions,
        TokenRevoker revoker,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Version is required.");
        }

        if (request.FirstName is not null)
        {
            errors.Required("first_name", request.FirstName, "First name").MaxLength("first_name", request.FirstName, 40, "First name");
        }

        if (request.LastName is not null)
        {
            errors.Required("last_name", request.LastName, "Last name").MaxLength("last_name", request.LastName, 80, "Last name");
        }

        errors.Role(request.Role, required: false);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (user.Version != request.Version)
        {
            return ConflictResults.StaleVersion(UserResponse.From(user));
        }

        var adminId = principal.GetUserId();
        if (user.Id == adminId && (request.IsActive == false || (request.Role is not null && request.Role != Roles.Admin)))
        {
            return ConflictResults.State("You cannot deactivate yourself or remove your own Admin role.");
        }

        var wasActive = user.IsActive;
        var now = DbClock.UtcNow;
        user.Update(request.FirstName, request.LastName, request.Role, request.IsActive, adminId, now);
        db.AddIntegrationEvent(UserEvents.Updated(user, now));
        await db.SaveChangesAsync(cancellationToken);
        if (wasActive && !user.IsActive)
        {
            await sessions.EndUserSessionsAsync(user.Id, null, cancellationToken);
            await revoker.RevokeUserAsync(user.Id, now);
        }

        return TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<Ok<SetPasswordLinkResponse>, NotFound, ProblemHttpResult>> NewLinkAsync(
        Guid id, ClaimsPrincipal principal, IdentityDbContext db, PasswordLinks links, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.IsActive)
        {
            return ConflictResults.State("The user is inactive; activate them first.");
        }

        var now = DbClock.UtcNow;
        var (url, expires) = await links.IssueAsync(user.Id, principal.GetUserId(), now, cancellationToken);
        // The new link voids the one mailed before, so it is mailed too.
        db.MailOutbox.Add(user.PasswordHash is null
            ? IdentityMails.Welcome(user, url, expires, now)
            : IdentityMails.PasswordReset(user, url, expires, byAdmin: true, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new SetPasswordLinkResponse(url, expires));
    }

    /// <summary>For a user who lost their authenticator and their recovery codes; their sessions end with it.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ResetTwoFactorAsync(
        Guid id, ClaimsPrincipal principal, IdentityDbContext db, TwoFactorEnrolment enrolment, SessionManager sessions, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (await enrolment.ResetAsync(user, principal.GetUserId(), DbClock.UtcNow, cancellationToken) == TwoFactorChange.NotOn)
        {
            return ConflictResults.State("Two-factor sign-in is not on for this user.");
        }

        await sessions.EndUserSessionsAsync(user.Id, null, cancellationToken);
        return TypedResults.NoContent();
    }
}
