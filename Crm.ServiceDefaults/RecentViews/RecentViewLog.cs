using System.Security.Claims;
using Crm.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Crm.ServiceDefaults.RecentViews;

/// <summary>Records who opened which record (for Recently Viewed) and reads a user's latest ones.</summary>
public sealed class RecentViewLog(DbContext db, ILogger<RecentViewLog> logger)
{
    /// <summary>How many records of one type a user's Recently Viewed keeps.</summary>
    public const int KeptPerType = 200;

    /// <summary>
    /// One upsert that also trims the user's oldest views of that type beyond <see cref="KeptPerType"/>. It is a
    /// side effect of reading a record, so a failure is logged and the read still answers.
    /// </summary>
    public async Task RecordAsync(ClaimsPrincipal caller, string recordType, Guid recordId, CancellationToken cancellationToken)
    {
        try
        {
            var userId = caller.GetUserId();
            await db.Database.ExecuteSqlAsync(
                $"""
                WITH viewed AS (
                    INSERT INTO recent_views (user_id, record_type, record_id, viewed_at)
                    VALUES ({userId}, {recordType}, {recordId}, clock_timestamp())
                    ON CONFLICT (user_id, record_type, record_id) DO UPDATE SET viewed_at = excluded.viewed_at)
                DELETE FROM recent_views
                WHERE user_id = {userId} AND record_type = {recordType} AND record_id <> {recordId}
                  AND record_id IN (
                    SELECT record_id FROM recent_views
                    WHERE user_id = {userId} AND record_type = {recordType}
                    ORDER BY viewed_at DESC OFFSET {KeptPerType - 1})
                """,
                cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not record that {RecordType} {RecordId} was viewed", recordType, recordId);
        }
    }

    /// <summary>The user's latest views of every type, newest first.</summary>
    public async Task<IReadOnlyList<RecentView>> LatestAsync(Guid userId, int take, CancellationToken cancellationToken) =>
        await db.Set<RecentView>().AsNoTracking()
            .Where(v => v.UserId == userId)
            .OrderByDescending(v => v.ViewedAt).ThenBy(v => v.RecordId)
            .Take(take)
            .ToListAsync(cancellationToken);
}
