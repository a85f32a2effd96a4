namespace Crm.Identity.Model;

/// <summary>
/// A user's authenticator-app factor (TOTP, RFC 6238). The secrets are held protected (Data Protection payloads);
/// <see cref="PendingSecret"/> is the key being set up, <see cref="Secret"/> the one in force once enabled.
/// </summary>
public sealed class TwoFactorAuthenticator
{
    private TwoFactorAuthenticator()
    {
    }

    public Guid UserId { get; private set; }

    public string? Secret { get; private set; }

    public string? PendingSecret { get; private set; }

    public DateTime? EnabledAt { get; private set; }

    /// <summary>
    /// The time step of the last code accepted. A code is accepted only for a later step, so a code (or an older
    /// one still inside the verification window) cannot be replayed (RFC 6238 §5.2). A concurrency token: two
    /// requests racing with the same code cannot both claim its step.
    /// </summary>
    public long? LastTimeStep { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsEnabled => EnabledAt is not null && Secret is not null;

    public static TwoFactorAuthenticator For(Guid userId, DateTime now) => new()
    {
        UserId = userId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Keeps a new key until a code from it confirms the user's app has it; a second setup replaces it.</summary>
    public void BeginSetup(string protectedSecret, DateTime now)
    {
        if (IsEnabled)
        {
            throw new InvalidOperationException("Two-factor sign-in is already on; turn it off before setting up a new key.");
        }

        PendingSecret = protectedSecret;
        UpdatedAt = now;
    }

    /// <summary>
    /// Puts the pending key in force. <paramref name="confirmedTimeStep"/> is the step of the code that confirmed it:
    /// that code has been used, so it cannot sign in afterwards.
    /// </summary>
    public void Enable(long confirmedTimeStep, DateTime now)
    {
        if (PendingSecret is null)
        {
            throw new InvalidOperationException("There is no key being set up.");
        }

        Secret = PendingSecret;
        PendingSecret = null;
        EnabledAt = now;
        LastTimeStep = confirmedTimeStep;
        UpdatedAt = now;
    }

    public void Disable(DateTime now)
    {
        Secret = null;
        PendingSecret = null;
        EnabledAt = null;
        LastTimeStep = null;
        UpdatedAt = now;
    }

    /// <summary>True and remembered when the step is later than any accepted before; false for a reused (or older) code.</summary>
    public bool TryAcceptTimeStep(long timeStep, DateTime now)
    {
        if (!IsFresh(LastTimeStep, timeStep))
        {
            return false;
        }

        LastTimeStep = timeStep;
        UpdatedAt = now;
        return true;
    }

    /// <summary>The RFC 6238 §5.2 rule: each time step's code is accepted once, and never one older than the last.</summary>
    public static bool IsFresh(long? lastAccepted, long timeStep) => lastAccepted is not { } last || timeStep > last;
}
