using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Crm.AppHost.Backups;

/// <summary>
/// Where and when the cluster is backed up (README.md, Backups): CRM_BACKUP_DIR (default &lt;data&gt;/backups),
/// CRM_BACKUP_TIME (the daily full backup, local time, default 02:00), CRM_BACKUP_RETENTION (full backups kept,
/// default 7; the WAL they need is kept with them) and CRM_BACKUPS=off for throw-away runs.
/// </summary>
public sealed record BackupSettings(bool Enabled, string Directory, TimeOnly DailyAt, int RetentionFull)
{
    /// <summary>A WAL segment is archived at the latest this long after a commit: the recovery point objective.</summary>
    public static readonly TimeSpan ArchiveTimeout = TimeSpan.FromSeconds(60);

    public static BackupSettings From(IConfiguration configuration, string defaultDirectory, bool testing)
    {
        var enabled = configuration["CRM_BACKUPS"] is { Length: > 0 } flag
            ? flag is not ("off" or "false" or "0")
            : !testing;
        var directory = Path.GetFullPath(configuration["CRM_BACKUP_DIR"] is { Length: > 0 } dir ? dir : defaultDirectory);
        var at = configuration["CRM_BACKUP_TIME"] is { Length: > 0 } time
            ? TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new FormatException($"CRM_BACKUP_TIME='{time}' is not a time of day such as 02:00.")
            : new TimeOnly(2, 0);
        var retention = configuration["CRM_BACKUP_RETENTION"] is { Length: > 0 } kept
            ? int.TryParse(kept, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9999999
                ? n
                : throw new FormatException($"CRM_BACKUP_RETENTION='{kept}' is not a number of full backups (1 or more).")
            : 7;
        return new BackupSettings(enabled, directory, at, retention);
    }

    /// <summary>The next daily backup after <paramref name="now"/>.</summary>
    public DateTimeOffset NextDailyAfter(DateTimeOffset now)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(DailyAt), now.Offset);
        return today > now ? today : today.AddDays(1);
    }
}
