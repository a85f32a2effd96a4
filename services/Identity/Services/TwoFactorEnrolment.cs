using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Services;

public enum TwoFactorChange
{
    Done,
    WrongCode,
    NotSetUp,
    AlreadyOn,
    NotOn,
    LockedOut,
}

/// <summary>Setting up, turning on and turning off a user's authenticator app.</summary>
public sealed class TwoFactorEnrolment(
    IdentityDbContext db,
    TwoFactorSecretProtector protector,
    SecondFactorCheck secondFactor,
    SecurityNotices notices,
    ILogger<TwoFactorEnrolment> logger)
{
    public Task<TwoFactorAuthenticator?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        db.TwoFactorAuthenticators.SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);

    /// <returns>The new key (Base32) to show once, or null when two factors are on already (turn off first).</returns>
    public async Task<string?> SetUpAsync(User user, DateTime now, CancellationToken cancellationToken)
    {
        var factor = await FindAsync(user.Id, cancellationToken);
        if (factor is { IsEnabled: true })
        {
            return null;
        }

        if (factor is null)
        {
            factor = TwoFactorAuthenticator.For(user.Id, now);
            db.TwoFactorAuthenticators.Add(factor);
        }

        var secret = TotpCodes.NewSecret();
        factor.BeginSetup(protector.Protect(secret), now);
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>Confirms the key being set up with a code from the app; on success, ten new recovery codes replace any old ones.</summary>
    public async Task<(TwoFactorChange Change, IReadOnlyList<string> RecoveryCodes)> EnableAsync(
        User user, string code, DateTime now, CancellationToken cancellationToken)
    {
        var factor = await FindAsync(user.Id, cancellationToken);
        if (factor is { IsEnabled: true })
        {
            return (TwoFactorChange.AlreadyOn, []);
        }

        if (factor?.PendingSecret is not { } pending)
        {
            return (TwoFactorChange.NotSetUp, []);
        }

        if (TotpCodes.Verify(protector.Unprotect(pending), code, now) is not { } step)
        {
            return (TwoFactorChange.WrongCode, []);
        }

        factor.Enable(step, now);
        var codes = RecoveryCodes.New();
        await using (var scope = await db.BeginTransactionScopeAsync(cancellationToken))
        {
            await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            db.RecoveryCodes.AddRange(codes.Select(c => RecoveryCode.Issue(user.Id, c, now)));
            notices.Queue(user, SecurityNotices.TwoFactorOn, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A second enable with another good code won the race; the user has the codes it answered.
                return (TwoFactorChange.AlreadyOn, []);
            }

            await scope.CommitAsync(cancellationToken);
        }

        TwoFactorLog.Enabled(logger, user.Id);
        return (TwoFactorChange.Done, codes);
    }

    /// <summary>
    /// Turns two factors off with a code or a recovery code: a stolen session alone cannot. A wrong one counts towards
    /// the lockout, and a locked account cannot turn it off, so the codes cannot be guessed from a session either.
    /// </summary>
    public async Task<TwoFactorChange> DisableAsync(User user, string? code, string? recoveryCode, DateTime now, CancellationToken cancellationToken)
    {
        var factor = await FindAsync(user.Id, cancellationToken);
        if (factor is not { IsEnabled: true })
        {
            return TwoFactorChange.NotOn;
        }

        if (user.IsLockedOut(now))
        {
            return TwoFactorChange.LockedOut;
        }

        if (!await secondFactor.TrySpendAsync(user, factor, code, recoveryCode, "turn off two-factor sign-in", now, cancellationToken))
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Users.SingleAsync(u => u.Id == user.Id, cancellationToken);
            fresh.RecordFailedLogin(now);
            await db.SaveChangesAsync(cancellationToken);
            return TwoFactorChange.WrongCode;
        }

        await TurnOffAsync(user, factor, SecurityNotices.TwoFactorOff, now, cancellationToken);
        TwoFactorLog.Disabled(logger, user.Id, code is null);
        return TwoFactorChange.Done;
    }

    /// <summary>
    /// An admin turns a user's two factors off (a lost phone and lost recovery codes): the user signs in with the
    /// password alone, or must enrol again at once when two factors are required, and hears of it by mail.
    /// </summary>
    public async Task<TwoFactorChange> ResetAsync(User user, Guid adminId, DateTime now, CancellationToken cancellationToken)
    {
        var factor = await FindAsync(user.Id, cancellationToken);
        if (factor is not { IsEnabled: true })
        {
            return TwoFactorChange.NotOn;
        }

        await TurnOffAsync(user, factor, SecurityNotices.TwoFactorReset, now, cancellationToken);
        TwoFactorLog.Reset(logger, user.Id, adminId);
        return TwoFactorChange.Done;
    }

    /// <summary>The factor off, its recovery codes gone and the user told, all in one transaction.</summary>
    private async Task TurnOffAsync(User user, TwoFactorAuthenticator factor, string notice, DateTime now, CancellationToken cancellationToken)
    {
        factor.Disable(now);
        await using var scope = await db.BeginTransactionScopeAsync(cancellationToken);
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        notices.Queue(user, notice, now);
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
    }
}
