using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Services;

/// <summary>
/// Checks an e-mail and password the same way whatever the outcome (unknown user, inactive, locked, wrong
/// password all cost one hash and give one answer), and keeps the lockout count.
/// </summary>
public sealed class CredentialCheck(IdentityDbContext db, IPasswordHasher<User> hasher)
{
    /// <returns>The user when the password is right and the account may sign in; null otherwise.</returns>
    public async Task<User?> VerifyAsync(string email, string password, DateTime now, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == User.Normalize(email), cancellationToken);
        if (user is null || !user.CanSignIn(now))
        {
            hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return null;
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash!, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.RecordFailedLogin(now);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, password), now);
        }

        user.RecordSuccessfulLogin(now);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    private static readonly User DummyUser = User.Create("nobody@crm.local", "x", "x", Roles.User, null, DateTime.UnixEpoch);
    private static readonly string DummyHash = new PasswordHasher<User>().HashPassword(DummyUser, "not-a-real-password-1");
}
