using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Services;

/// <summary>
/// Decides a sign-in: the password, then the second factor when the user has one, then whether an admin requires one
/// the user has not set up. Token issuing stays with the caller (AuthApi today), so it can move without this.
/// </summary>
public sealed class SignInCheck(
    IdentityDbContext db,
    IPasswordHasher<User> hasher,
    SecondFactorCheck secondFactor,
    TwoFactorRequirement requirement)
{
    private static readonly User DummyUser = User.Create("nobody@crm.local", "x", "x", Crm.ServiceDefaults.Auth.Roles.User, null, DateTime.UnixEpoch);
    private static readonly string DummyHash = new PasswordHasher<User>().HashPassword(DummyUser, "not-a-real-password-1");

    public async Task<SignInResult> CheckAsync(SignInAttempt attempt, DateTime now, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == User.Normalize(attempt.Email), cancellationToken);
        if (user is null || !user.CanSignIn(now))
        {
            // Same work and the same answer whether the user exists, is locked or inactive.
            hasher.VerifyHashedPassword(DummyUser, DummyHash, attempt.Password);
            return SignInResult.InvalidCredentials;
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash!, attempt.Password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.RecordFailedLogin(now);
            await db.SaveChangesAsync(cancellationToken);
            return SignInResult.InvalidCredentials;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, attempt.Password), now);
        }

        var factor = await db.TwoFactorAuthenticators.SingleOrDefaultAsync(t => t.UserId == user.Id, cancellationToken);
        if (factor is { IsEnabled: true })
        {
            if (attempt.Otp is null && attempt.RecoveryCode is null)
            {
                // Not a failure: the person is asked for the code next.
                return SignInResult.TwoFactorRequired;
            }

            if (!await secondFactor.TrySpendAsync(user, factor, attempt.Otp, attempt.RecoveryCode, "sign in", now, cancellationToken))
            {
                // A guessed code counts like a guessed password: five in a row lock the account.
                db.ChangeTracker.Clear();
                var fresh = await db.Users.SingleAsync(u => u.Id == user.Id, cancellationToken);
                fresh.RecordFailedLogin(now);
                await db.SaveChangesAsync(cancellationToken);
                return SignInResult.InvalidSecondFactor;
            }

            user.RecordSuccessfulLogin(now);
            return new SignInResult(SignInStatus.Succeeded, user);
        }

        user.RecordSuccessfulLogin(now);
        return await requirement.IsRequiredAsync(cancellationToken)
            ? new SignInResult(SignInStatus.EnrolmentRequired, user)
            : new SignInResult(SignInStatus.Succeeded, user);
    }
}
