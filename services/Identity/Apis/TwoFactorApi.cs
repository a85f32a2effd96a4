using System.Security.Claims;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.Identity.Services;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Apis;

/// <summary>
/// The caller's own two-factor sign-in: status, setup (a new key), enable (confirm it with a code, get recovery codes),
/// disable (with a code or a recovery code). Not idempotent-keyed on purpose: their answers hold the key and the
/// recovery codes, which an idempotency record would keep in plain text for a day; repeating them is safe anyway
/// (a second setup replaces the pending key; an enable or disable replayed with the same code is refused as reused).
/// </summary>
public static class TwoFactorApi
{
    public static IEndpointRouteBuilder MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth/mfa").WithTags("Two-factor sign-in");
        api.MapGet("/", StatusAsync).AllowDuringTwoFactorEnrolment();
        api.MapPost("/setup", SetUpAsync).AllowDuringTwoFactorEnrolment();
        api.MapPost("/enable", EnableAsync).AllowDuringTwoFactorEnrolment();
        api.MapPost("/disable", DisableAsync);
        return app;
    }

    public static async Task<Ok<TwoFactorStatusResponse>> StatusAsync(
        ClaimsPrincipal principal, IdentityDbContext db, TwoFactorRequirement requirement, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var factor = await db.TwoFactorAuthenticators.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        var left = factor is { IsEnabled: true }
            ? await db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken)
            : 0;
        return TypedResults.Ok(new TwoFactorStatusResponse(factor is { IsEnabled: true }, factor?.EnabledAt, left, await requirement.IsRequiredAsync(cancellationToken)));
    }

    public static async Task<Results<Ok<TwoFactorSetupResponse>, ProblemHttpResult>> SetUpAsync(
        ClaimsPrincipal principal, IdentityDbContext db, TwoFactorEnrolment enrolment, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == principal.GetUserId(), cancellationToken);
        if (await enrolment.SetUpAsync(user, DbClock.UtcNow, cancellationToken) is not { } secret)
        {
            return ConflictResults.State("Two-factor sign-in is already on. Turn it off before setting up another authenticator.");
        }

        var uri = TotpCodes.OtpAuthUri(user.Email, secret);
        return TypedResults.Ok(new TwoFactorSetupResponse(secret, uri, QrCodes.Svg(uri)));
    }

    public static async Task<Results<Ok<EnableTwoFactorResponse>, ValidationProblem, ProblemHttpResult>> EnableAsync(
        EnableTwoFactorRequest request,
        ClaimsPrincipal principal,
        IdentityDbContext db,
        TwoFactorEnrolment enrolment,
        CancellationToken cancellationToken)
    {
        var code = TwoFactorInput.Code(request.Code);
        var errors = new ValidationErrors().Required("code", code, "Code");
        if (code is not null && !TotpCodes.IsWellFormed(code))
        {
            errors.Add("code", TwoFactorInput.MalformedCode);
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = DbClock.UtcNow;
        var user = await db.Users.SingleAsync(u => u.Id == principal.GetUserId(), cancellationToken);
        var (change, recoveryCodes) = await enrolment.EnableAsync(user, code!, now, cancellationToken);
        switch (change)
        {
            case TwoFactorChange.WrongCode:
                return new ValidationErrors().Add("code", "That code is wrong or has expired. Enter the code your app shows now.").ToProblem();
            case TwoFactorChange.NotSetUp:
                return ConflictResults.State("Start the setup first: there is no authenticator key waiting to be confirmed.");
            case TwoFactorChange.AlreadyOn:
                return ConflictResults.State("Two-factor sign-in is already on.");
        }

        // A session limited to enrolment becomes a full one at its next token refresh, which Identity decides afresh;
        // the gateway renews a browser session's tokens at once after this answer (SessionUpgradeTransform).
        return TypedResults.Ok(new EnableTwoFactorResponse(recoveryCodes, SessionUpgraded: FullSessionRequirement.IsEnrolmentSession(principal)));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DisableAsync(
        DisableTwoFactorRequest request, ClaimsPrincipal principal, IdentityDbContext db, TwoFactorEnrolment enrolment, CancellationToken cancellationToken)
    {
        var code = TwoFactorInput.Code(request.Code);
        var recoveryCode = TwoFactorInput.RecoveryCode(request.RecoveryCode);
        var errors = TwoFactorInput.CheckSecondFactor(new ValidationErrors(), code, recoveryCode, codeField: "code");
        if (code is null && recoveryCode is null)
        {
            errors.Add("code", "Enter the code from your authenticator app, or a recovery code.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var user = await db.Users.SingleAsync(u => u.Id == principal.GetUserId(), cancellationToken);
        return await enrolment.DisableAsync(user, code, recoveryCode, DbClock.UtcNow, cancellationToken) switch
        {
            TwoFactorChange.Done => TypedResults.NoContent(),
            TwoFactorChange.NotOn => ConflictResults.State("Two-factor sign-in is not on."),
            TwoFactorChange.LockedOut => ConflictResults.State("Too many wrong codes. Try again in 15 minutes."),
            _ => new ValidationErrors()
                .Add(code is not null ? "code" : "recovery_code", code is not null ? "That code is wrong, expired or was used already." : "That recovery code is wrong or was used already.")
                .ToProblem(),
        };
    }
}
