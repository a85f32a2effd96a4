using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Idempotency;

/// <summary>
/// The idempotency_keys table, always used inside the transaction of the request it protects: the claim
/// (a row lock on the key), the work and the stored answer commit together, or not at all.
/// </summary>
public static class IdempotencyStore
{
    /// <summary>How long an answer is replayed; after it the key may be used afresh.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// Takes the key for this request. A concurrent request holding the same key makes this wait until
    /// it commits (then false: its answer is stored) or rolls back (then true). An expired key is taken over.
    /// </summary>
    public static async Task<bool> ClaimAsync(DbContext db, Guid userId, IdempotencyKey key, string method, string path, byte[] fingerprint, CancellationToken cancellationToken)
    {
        var expiredBefore = DateTime.UtcNow - Retention;
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO idempotency_keys (user_id, idempotency_key, request_method, request_path, request_hash, created_at)
            VALUES ({userId}, {key.Value}, {method}, {path}, {fingerprint}, now())
            ON CONFLICT (user_id, idempotency_key) DO UPDATE
                SET request_method = EXCLUDED.request_method, request_path = EXCLUDED.request_path,
                    request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                    status_code = NULL, content_type = NULL, location = NULL, body = NULL
                WHERE idempotency_keys.created_at < {expiredBefore}
            """,
            cancellationToken);
        return claimed == 1;
    }

    public static async Task<StoredKey> FindAsync(DbContext db, Guid userId, IdempotencyKey key, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<StoredKey>(
            $"""
            SELECT request_method AS "RequestMethod", request_path AS "RequestPath", request_hash AS "RequestHash",
                   status_code AS "StatusCode", content_type AS "ContentType", location AS "Location", body AS "Body"
            FROM idempotency_keys WHERE user_id = {userId} AND idempotency_key = {key.Value}
            """).SingleAsync(cancellationToken);

    public static Task SaveAsync(DbContext db, Guid userId, IdempotencyKey key, StoredResponse response, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE idempotency_keys
            SET status_code = {response.StatusCode}, content_type = {response.ContentType}, location = {response.Location}, body = {response.Body}
            WHERE user_id = {userId} AND idempotency_key = {key.Value}
            """,
            cancellationToken);

    /// <returns>How many expired keys were removed.</returns>
    public static Task<int> DeleteExpiredAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM idempotency_keys WHERE created_at < {DateTime.UtcNow - Retention}", cancellationToken);
}
