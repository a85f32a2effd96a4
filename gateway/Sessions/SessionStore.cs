using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using StackExchange.Redis;

namespace Crm.Gateway.Sessions;

/// <summary>Browser sessions in Redis, shared by every gateway replica.</summary>
public sealed class SessionStore(IConnectionMultiplexer redis, TimeProvider time)
{
    private const string KeyPrefix = "crm:session:";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>32 random bytes, base64url: unguessable and cookie-safe.</summary>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Rejects junk cookies before they become Redis keys.</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: 43 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <returns>The new session id, or null when the refresh lifetime is already over.</returns>
    public async Task<string?> CreateAsync(BrowserSession session)
    {
        if (TimeToLive(session) is not { } ttl)
        {
            return null;
        }

        var id = NewId();
        return await Db.StringSetAsync(Key(id), Serialize(session), ttl, When.NotExists) ? id : null;
    }

    public async Task<BrowserSession?> GetAsync(string id)
    {
        var value = await Db.StringGetAsync(Key(id));
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<BrowserSession>((string)value!, BrowserSession.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Overwrites the session; the TTL follows the (rotated) refresh token's lifetime.</summary>
    public async Task SaveAsync(string id, BrowserSession session)
    {
        if (TimeToLive(session) is { } ttl)
        {
            await Db.StringSetAsync(Key(id), Serialize(session), ttl);
        }
        else
        {
            await DeleteAsync(id);
        }
    }

    public Task DeleteAsync(string id) => Db.KeyDeleteAsync(Key(id));

    /// <summary>Only one refresh per session at a time: Identity revokes the session when a rotated refresh token is reused.</summary>
    public Task<bool> TryLockRefreshAsync(string id, string owner, TimeSpan ttl) => Db.LockTakeAsync(LockKey(id), owner, ttl);

    public Task ReleaseRefreshLockAsync(string id, string owner) => Db.LockReleaseAsync(LockKey(id), owner);

    private static string Key(string id) => KeyPrefix + id;

    private static string LockKey(string id) => KeyPrefix + id + ":refresh-lock";

    private static string Serialize(BrowserSession session) => JsonSerializer.Serialize(session, BrowserSession.Json);

    private TimeSpan? TimeToLive(BrowserSession session)
    {
        var ttl = session.RefreshExpiresAt - time.GetUtcNow();
        return ttl > TimeSpan.Zero ? ttl : null;
    }
}
