using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.AppHost.Backups;

/// <summary>
/// While the CRM runs: the repository's stanza once PostgreSQL is up, a full backup at the first start (when the
/// repository has none), then one every day at CRM_BACKUP_TIME. pgBackRest expires what retention no longer keeps.
/// </summary>
public sealed class BackupScheduler(PgBackRest pgBackRest, ResourceNotificationService notifications, TimeProvider clock, ILogger<BackupScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await notifications.WaitForResourceHealthyAsync("postgres", stoppingToken);
            var stanza = await pgBackRest.CreateStanzaAsync(stoppingToken);
            if (!stanza.Succeeded)
            {
                logger.LogError("Backups are off for this run: pgbackrest stanza-create failed ({ExitCode}): {Output}", stanza.ExitCode, stanza.Output);
                return;
            }

            if ((await pgBackRest.ListAsync(stoppingToken)).Count == 0)
            {
                await BackupAsync("first", stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var next = pgBackRest.Settings.NextDailyAfter(clock.GetLocalNow());
                logger.LogInformation("Next daily backup at {Next:yyyy-MM-dd HH:mm zzz} into {Directory}.", next, pgBackRest.Settings.Directory);
                await Task.Delay(next - clock.GetLocalNow(), clock, stoppingToken);
                await BackupAsync("daily", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task BackupAsync(string which, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var result = await pgBackRest.BackupAsync(ct);
        if (result.Succeeded)
        {
            logger.LogInformation("The {Which} full backup took {Seconds:F1} s.", which, clock.GetElapsedTime(started).TotalSeconds);
        }
        else
        {
            // The next day tries again; WAL archiving goes on meanwhile, so the last good backup still restores to now.
            logger.LogError("The {Which} backup failed ({ExitCode}): {Output}", which, result.ExitCode, result.Output);
        }
    }
}
