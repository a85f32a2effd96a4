namespace Crm.Identity.Model;

/// <summary>A one-time set-password link; only its hash is stored.</summary>
public sealed class PasswordToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

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

    public static PasswordToken Issue(Guid userId, string tokenHash, Guid? createdBy, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        TokenHash = tokenHash,
        CreatedAt = now,
        CreatedBy = createdBy,
        ExpiresAt = now + Lifetime,
    };

    public bool IsUsable(DateTime now) => UsedAt is null && ExpiresAt > now;

    public void MarkUsed(DateTime now) => UsedAt ??= now;
}
