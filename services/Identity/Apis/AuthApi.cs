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
        api.MapPost("/login", LoginAsync).AllowAnonymous();
        api.MapPost("/refresh", RefreshAsync).AllowAnonymous();
        api.MapPost("/set-password", SetPasswordAsync).AllowAnonymous();
        api.MapPost("/logout", LogoutAsync).AllowDuringTwoFactorEnrolment();
        api.MapGet("/me", MeAsync).AllowDuringTwoFactorEnrolment();
        api.MapPost("/change-password", ChangePasswordAsync).WithIdempotency();
        return app;
    }

    public const string SecondFactorNeeded = "Enter the verification code from your authenticator app.";
    public const string SecondFactorRefused = "The verification code is wrong, expired or was used already.";

    /// <summary>
    /// The credentials (and second factor) are decided by <see cref="SignInCheck"/>; this endpoint only turns its verdict
    /// into an answer and a session. 401 <c>mfa_required: true</c> is answered only after a correct password.
    /// </summary>
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInCheck signIn, SessionManager sessions, CancellationToken cancellationToken)
    {
        var otp = TwoFactorInput.Code(request.Otp);
        var recoveryCode = TwoFactorInput.RecoveryCode(request.RecoveryCode);
        var errors = new ValidationErrors()
            .Required("email", request.Email, "Email")
            .Required("password", request.Password, "Password");
        TwoFactorInput.CheckSecondFactor(errors, otp, recoveryCode, codeField: "otp");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        var rememberMe = request.RememberMe ?? false;
        var result = await signIn.CheckAsync(new SignInAttempt(request.Email!, request.Password!, otp, recoveryCode), now, cancellationToken);
        return result.Status switch
        {
            SignInStatus.Succeeded => TypedResults.Ok(await sessions.StartAsync(result.User!, rememberMe, enrolmentRequired: false, now, cancellationToken)),
            SignInStatus.EnrolmentRequired => TypedResults.Ok(await sessions.StartAsync(result.User!, rememberMe, enrolmentRequired: true, now, cancellationToken)),
            SignInStatus.TwoFactorRequired => SecondFactorProblem(SecondFactorNeeded),
            SignInStatus.InvalidSecondFactor => SecondFactorProblem(SecondFactorRefused),
            _ => Unauthorized(),
        };
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SessionManager sessions, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("refresh_token", request.RefreshToken, "Refresh token");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var refreshed = await sessions.RefreshAsync(request.RefreshToken!, DbClock.UtcNow, cancellationToken);
        return refreshed is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The session has ended. Log in again.")
            : TypedResults.Ok(refreshed);
    }

    public static async Task<NoContent> LogoutAsync(ClaimsPrincipal principal, SessionManager sessions, TokenRevoker revoker, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(principal.FindFirstValue(CrmClaims.SessionId), out var sessionId))
        {
            await sessions.EndSessionAsync(sessionId, DbClock.UtcNow, cancellationToken);
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
        Guid.TryParse(principal.FindFirstValue(CrmClaims.SessionId), out var current);
        await sessions.EndUserSessionsAsync(user.Id, current, now, cancellationToken);
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
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: InvalidLogin);

    private static ProblemHttpResult SecondFactorProblem(string detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["mfa_required"] = true });
}
