namespace Crm.Identity.Model;

/// <summary>A one-time set-password link; only its hash is stored.</summary>
public sealed class PasswordToken
{
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromHours(72);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    private PasswordToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public PasswordTokenPurpose Purpose { get; private set; }

    public static TimeSpan LifetimeOf(PasswordTokenPurpose purpose) =>
        purpose == PasswordTokenPurpose.Reset ? ResetLifetime : InviteLifetime;

    public static PasswordToken Issue(Guid userId, string tokenHash, Guid? createdBy, DateTime now, PasswordTokenPurpose purpose = PasswordTokenPurpose.Invite) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        TokenHash = tokenHash,
        CreatedAt = now,
        CreatedBy = createdBy,
        ExpiresAt = now + LifetimeOf(purpose),
        Purpose = purpose,
    };

    public bool IsUsable(DateTime now) => UsedAt is null && ExpiresAt > now;

    public void MarkUsed(DateTime now) => UsedAt ??= now;
}
