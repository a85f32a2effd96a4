namespace Crm.Identity.Model;

/// <summary>
/// One link of a login session's refresh chain. Each use replaces it with a new one; presenting a
/// replaced token again means it leaked, and the whole session is revoked.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid SessionId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public bool RememberMe { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public Guid? ReplacedById { get; private set; }

    public static RefreshToken Issue(Guid userId, Guid sessionId, string tokenHash, bool rememberMe, DateTime now, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        SessionId = sessionId,
        TokenHash = tokenHash,
        RememberMe = rememberMe,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsUsable(DateTime now) => RevokedAt is null && ReplacedById is null && ExpiresAt > now;

    public bool WasReplaced => ReplacedById is not null;

    public void ReplaceWith(RefreshToken next, DateTime now)
    {
        ReplacedById = next.Id;
        RevokedAt = now;
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
