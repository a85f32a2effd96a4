using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Services;

/// <summary>
/// Checks an authenticator code or a recovery code against a user's enabled factor and, when it is good, spends it
/// (the time step remembered, the recovery code marked used) in the same save, so neither works twice, even for
/// two requests racing with it (both are concurrency tokens: the second save fails).
/// </summary>
public sealed class SecondFactorCheck(IdentityDbContext db, TwoFactorSecretProtector protector, SecurityNotices notices, ILogger<SecondFactorCheck> logger)
{
    /// <param name="purpose">what the factor is for, in the audit log ("sign in", "turn off two-factor sign-in").</param>
    /// <returns>true when the factor was good and is now spent (saved with every other pending change).</returns>
    public async Task<bool> TrySpendAsync(
        User user, TwoFactorAuthenticator factor, string? otp, string? recoveryCode, string purpose, DateTime now, CancellationToken cancellationToken)
    {
        var accepted = otp is not null
            ? AcceptCode(factor, otp, now)
            : recoveryCode is not null && await UseRecoveryCodeAsync(user.Id, recoveryCode, now, cancellationToken);
        if (!accepted)
        {
            TwoFactorLog.SecondFactorRefused(logger, user.Id);
            return false;
        }

        if (otp is null)
        {
            // A recovery code is the fallback a thief would use: the owner hears of every one spent.
            notices.Queue(user, SecurityNotices.RecoveryCodeUsed, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request spent the same step or recovery code first.
            TwoFactorLog.SecondFactorRefused(logger, user.Id);
            return false;
        }

        if (otp is null)
        {
            var remaining = await db.RecoveryCodes.CountAsync(c => c.UserId == user.Id && c.UsedAt == null, cancellationToken);
            TwoFactorLog.RecoveryCodeUsed(logger, user.Id, purpose, remaining);
        }

        return true;
    }

    private bool AcceptCode(TwoFactorAuthenticator factor, string otp, DateTime now) =>
        factor.Secret is { } secret
        && TotpCodes.Verify(protector.Unprotect(secret), otp, now) is { } step
        && factor.TryAcceptTimeStep(step, now);

    private async Task<bool> UseRecoveryCodeAsync(Guid userId, string recoveryCode, DateTime now, CancellationToken cancellationToken)
    {
        var hash = RecoveryCodes.Hash(recoveryCode);
        var code = await db.RecoveryCodes.SingleOrDefaultAsync(c => c.UserId == userId && c.CodeHash == hash, cancellationToken);
        return code is not null && code.TryUse(now);
    }
}
