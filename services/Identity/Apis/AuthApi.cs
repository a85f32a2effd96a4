using System.Security.Claims;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.Identity.Services;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Apis;

public static class AuthApi
{
    public const string InvalidLogin = "Invalid email or password.";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth");
        api.MapPost("/set-password", SetPasswordAsync).AllowAnonymous();
        api.MapPost("/logout", LogoutAsync);
        api.MapGet("/me", MeAsync);
        api.MapPost("/change-password", ChangePasswordAsync).WithIdempotency();
        return app;
    }

    public static async Task<NoContent> LogoutAsync(ClaimsPrincipal principal, SessionManager sessions, TokenRevoker revoker, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(CrmClaims.SessionId) is { Length: > 0 } sessionId)
        {
            await sessions.EndSessionAsync(sessionId, cancellationToken);
        }

        if (principal.FindFirstValue(CrmClaims.TokenId) is { } jti)
        {
            await revoker.RevokeTokenAsync(jti);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> MeAsync(ClaimsPrincipal principal, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == principal.GetUserId(), cancellationToken);
        return user is { IsActive: true } ? TypedResults.Ok(UserSummary.From(user)) : Unauthorized();
    }

    public static async Task<Results<NoContent, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request,
        ClaimsPrincipal principal,
        IdentityDbContext db,
        IPasswordHasher<User> hasher,
        SessionManager sessions,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("current_password", request.CurrentPassword, "Current password");
        foreach (var problem in PasswordPolicy.Check(request.NewPassword))
        {
            errors.Add("new_password", problem);
        }

        var user = await db.Users.SingleAsync(u => u.Id == principal.GetUserId(), cancellationToken);
        if (!string.IsNullOrEmpty(request.CurrentPassword)
            && hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            errors.Add("current_password", "Current password is incorrect.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        user.SetPasswordHash(hasher.HashPassword(user, request.NewPassword!), now);
        await db.SaveChangesAsync(cancellationToken);
        // Other devices signed in with the old password are signed out; this one stays.
        await sessions.EndUserSessionsAsync(user.Id, principal.FindFirstValue(CrmClaims.SessionId), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem>> SetPasswordAsync(
        SetPasswordRequest request, IdentityDbContext db, IPasswordHasher<User> hasher, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("token", request.Token, "Token");
        foreach (var problem in PasswordPolicy.Check(request.NewPassword))
        {
            errors.Add("new_password", problem);
        }

        var now = DbClock.UtcNow;
        PasswordToken? token = null;
        User? user = null;
        if (!string.IsNullOrWhiteSpace(request.Token))
        {
            token = await db.PasswordTokens.SingleOrDefaultAsync(t => t.TokenHash == SecretTokens.Hash(request.Token), cancellationToken);
            user = token is null ? null : await db.Users.FindAsync([token.UserId], cancellationToken);
            if (token is null || !token.IsUsable(now) || user is null || !user.IsActive)
            {
                errors.Add("token", "This link is invalid or has expired. Ask an administrator for a new one.");
            }
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        token!.MarkUsed(now);
        user!.SetPasswordHash(hasher.HashPassword(user, request.NewPassword!), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }


    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The session has ended. Log in again.");
}
