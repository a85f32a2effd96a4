using System.Diagnostics;
using System.Security.Claims;
using Crm.Identity.Infrastructure;
using Crm.Identity.Mail;
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

    /// <summary>Longer than the known-address path takes (a lookup, a few writes), so both paths take the same time.</summary>
    public static readonly TimeSpan ForgotPasswordMinimumDuration = TimeSpan.FromMilliseconds(300);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth");
        api.MapPost("/set-password", SetPasswordAsync).AllowAnonymous();
        api.MapPost("/forgot-password", ForgotPasswordAsync).AllowAnonymous();
        api.MapPost("/logout", LogoutAsync).AllowDuringTwoFactorEnrolment();
        api.MapGet("/me", MeAsync).AllowDuringTwoFactorEnrolment();
        api.MapPost("/change-password", ChangePasswordAsync).WithIdempotency();
        return app;
    }

    public const string SecondFactorNeeded = "Enter the verification code from your authenticator app.";
    public const string SecondFactorRefused = "The verification code is wrong, expired or was used already.";

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

    public static async Task<Results<Ok<CurrentUserResponse>, ProblemHttpResult>> MeAsync(ClaimsPrincipal principal, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Unauthorized();
        }

        var twoFactor = await db.TwoFactorAuthenticators.AnyAsync(t => t.UserId == userId && t.EnabledAt != null, cancellationToken);
        return TypedResults.Ok(new CurrentUserResponse(
            user.Id, user.Email, user.FirstName, user.LastName, user.Role, twoFactor, FullSessionRequirement.IsEnrolmentSession(principal)));
    }

    public static async Task<Results<NoContent, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request,
        ClaimsPrincipal principal,
        IdentityDbContext db,
        IPasswordHasher<User> hasher,
        SessionManager sessions,
        SecurityNotices notices,
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
        notices.Queue(user, SecurityNotices.PasswordChanged, now);
        await db.SaveChangesAsync(cancellationToken);
        // Other devices signed in with the old password are signed out; this one stays.
        await sessions.EndUserSessionsAsync(user.Id, principal.FindFirstValue(CrmClaims.SessionId), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem>> SetPasswordAsync(
        SetPasswordRequest request,
        IdentityDbContext db,
        IPasswordHasher<User> hasher,
        SessionManager sessions,
        SecurityNotices notices,
        CancellationToken cancellationToken)
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
                errors.Add("token", "This link is invalid or has expired.");
            }
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var hadPassword = user!.PasswordHash is not null;
        token!.MarkUsed(now);
        user.SetPasswordHash(hasher.HashPassword(user, request.NewPassword!), now);
        if (hadPassword)
        {
            // A reset, not a first password: tell the user, and sign out every device that used the old one.
            notices.Queue(user, SecurityNotices.PasswordChanged, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (hadPassword)
        {
            await sessions.EndUserSessionsAsync(user.Id, null, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// "Forgot password?": an active user gets a one-hour, one-time link by mail. The answer is the same 202 whether
    /// the address is known or not, after the same minimum time, so it tells nobody which addresses have an account.
    /// </summary>
    public static async Task<Results<Accepted<ForgotPasswordResponse>, ValidationProblem>> ForgotPasswordAsync(
        ForgotPasswordRequest request, IdentityDbContext db, PasswordLinks links, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("email", request.Email, "Email").Email("email", request.Email?.Trim());
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var started = Stopwatch.GetTimestamp();
        var now = DbClock.UtcNow;
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == User.Normalize(request.Email!), cancellationToken);
        if (user is { IsActive: true })
        {
            var (url, expires) = await links.IssueAsync(user.Id, null, now, cancellationToken, PasswordTokenPurpose.Reset);
            db.MailOutbox.Add(IdentityMails.PasswordReset(user, url, expires, byAdmin: false, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        // The known address costs a few writes more than an unknown one: both answer after the same floor.
        var left = ForgotPasswordMinimumDuration - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, cancellationToken);
        }

        return TypedResults.Accepted((string?)null, ForgotPasswordResponse.Sent);
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The session has ended. Log in again.");
}
