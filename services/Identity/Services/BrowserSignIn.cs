using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Services;

/// <summary>
/// The sign-in page's two steps. The password step is <see cref="SignInCheck"/>, as for the API; when the account has
/// two-factor sign-in on, a correct password leaves a short-lived protected cookie naming the user, and the code step
/// finishes from it, so the password is never sent or kept twice.
/// </summary>
public sealed class BrowserSignIn(
    IdentityDbContext db,
    SignInCheck signIn,
    SecondFactorCheck secondFactor,
    IDataProtectionProvider protection)
{
    public const string PendingCookie = SignInCookie.Name + "_mfa";
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    public enum Outcome
    {
        SignedIn,
        InvalidCredentials,
        CodeNeeded,
        CodeRefused,

        /// <summary>The pending step expired or was never started: back to the password.</summary>
        Restart,
    }

    public async Task<Outcome> PasswordAsync(HttpContext http, string email, string password, bool rememberMe, CancellationToken cancellationToken)
    {
        var now = DbClock.UtcNow;
        var result = await signIn.CheckAsync(new SignInAttempt(email, password, null, null), now, cancellationToken);
        switch (result.Status)
        {
            case SignInStatus.TwoFactorRequired:
                var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == User.Normalize(email), cancellationToken);
                http.Response.Cookies.Append(PendingCookie, Protector().Protect($"{user.Id:N}|{rememberMe}", PendingLifetime), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = http.Request.IsHttps,
                    MaxAge = PendingLifetime,
                });
                return Outcome.CodeNeeded;
            case SignInStatus.Succeeded or SignInStatus.EnrolmentRequired:
                await db.SaveChangesAsync(cancellationToken);
                await SignInAsync(http, result.User!.Id, rememberMe);
                return Outcome.SignedIn;
            default:
                return Outcome.InvalidCredentials;
        }
    }

    public async Task<Outcome> SecondFactorAsync(HttpContext http, string? otp, string? recoveryCode, CancellationToken cancellationToken)
    {
        if (ReadPending(http) is not var (userId, rememberMe))
        {
            return Outcome.Restart;
        }

        var now = DbClock.UtcNow;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var factor = user is null ? null : await db.TwoFactorAuthenticators.SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        if (user is null || !user.CanSignIn(now) || factor is not { IsEnabled: true })
        {
            http.Response.Cookies.Delete(PendingCookie);
            return Outcome.Restart;
        }

        if (!await secondFactor.TrySpendAsync(user, factor, otp, recoveryCode, "sign in", now, cancellationToken))
        {
            // A guessed code counts like a guessed password: five in a row lock the account.
            db.ChangeTracker.Clear();
            var fresh = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
            fresh.RecordFailedLogin(now);
            await db.SaveChangesAsync(cancellationToken);
            return fresh.IsLockedOut(now) ? Outcome.Restart : Outcome.CodeRefused;
        }

        user.RecordSuccessfulLogin(now);
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Cookies.Delete(PendingCookie);
        await SignInAsync(http, user.Id, rememberMe);
        return Outcome.SignedIn;
    }

    public bool HasPendingSecondFactor(HttpContext http) => ReadPending(http) is not null;

    private (Guid UserId, bool RememberMe)? ReadPending(HttpContext http)
    {
        if (http.Request.Cookies[PendingCookie] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            var parts = Protector().Unprotect(value).Split('|');
            return (Guid.Parse(parts[0]), bool.Parse(parts[1]));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static Task SignInAsync(HttpContext http, Guid userId, bool rememberMe) =>
        http.SignInAsync(SignInCookie.Scheme, SignInCookie.Principal(userId, rememberMe), new AuthenticationProperties { IsPersistent = rememberMe });

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector("Crm.Identity.PendingSecondFactor").ToTimeLimitedDataProtector();
}
