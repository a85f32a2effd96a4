namespace Crm.Identity.Model;

/// <summary>One of a user's one-time recovery codes, stored as a hash (<see cref="RecoveryCodes.Hash"/>).</summary>
public sealed class RecoveryCode
{
    private RecoveryCode()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string CodeHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>Set once; a concurrency token, so two requests racing with the same code cannot both use it.</summary>
    public DateTime? UsedAt { get; private set; }

    public bool IsUsed => UsedAt is not null;

    public static RecoveryCode Issue(Guid userId, string code, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        CodeHash = RecoveryCodes.Hash(code),
        CreatedAt = now,
    };

    /// <returns>false when the code was used before.</returns>
    public bool TryUse(DateTime now)
    {
        if (IsUsed)
        {
            return false;
        }

        UsedAt = now;
        return true;
    }
}
