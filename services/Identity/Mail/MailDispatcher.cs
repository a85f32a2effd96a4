using Crm.Identity.Infrastructure;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Mail;

/// <summary>
/// Sends the mail outbox. Each round claims up to <see cref="BatchSize"/> due mails for <see cref="Lease"/> (one UPDATE
/// over a <c>FOR UPDATE SKIP LOCKED</c> pick, committed at once: replicas never claim the same mail, and no database
/// transaction stays open while SMTP talks), sends them over one connection and records each outcome as it happens.
/// A server that cannot be reached or answers "try later" puts the mail back with <see cref="Crm.ServiceDefaults.Messaging.RetryBackoff"/>;
/// a permanent refusal of the recipient or message is kept as rejected. A process that dies mid-round leaves its
/// claimed mails to be taken again when the lease ends: a mail may then go twice (same Message-ID), never not at all.
/// </summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, SmtpTransport transport, ILogger<MailDispatcher> logger) : BackgroundService
{
    public const int BatchSize = 10;

    /// <summary>Longer than a whole round can take (<see cref="BatchSize"/> sends at <see cref="SmtpTransport.CommandTimeout"/>).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!transport.Settings.IsConfigured)
        {
            logger.LogWarning("No mail server configured (ConnectionStrings__mail or Mail__Host): mail waits in mail_outbox until one is");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is down, say: the claimed mails are taken again once their lease ends.
                logger.LogWarning(ex, "Mail dispatch failed; will retry");
            }

            if (handled < BatchSize)
            {
                try
                {
                    await Task.Delay(Poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claims due mails, sends them, and answers how many it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var leaseSeconds = (int)Lease.TotalSeconds;
        var batch = await db.MailOutbox.FromSqlInterpolated($"""
            UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => {leaseSeconds})
            WHERE id IN (
                SELECT id FROM mail_outbox
                WHERE sent_at IS NULL AND rejected_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                ORDER BY id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        SmtpClient client;
        try
        {
            client = await transport.ConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            foreach (var mail in batch)
            {
                mail.RecordFailure(ex.Message, DateTime.UtcNow);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Mail server {Host}:{Port} unavailable ({Error}); {Count} mail(s) wait, next attempt in {Delay:F0} s",
                transport.Settings.Host, transport.Settings.Port, ex.Message, batch.Count, (batch[0].NextAttemptAt - DateTime.UtcNow)?.TotalSeconds ?? 0);
            return batch.Count;
        }

        using (client)
        {
            var connectionLost = false;
            foreach (var mail in batch.OrderBy(m => m.Id))
            {
                if (connectionLost)
                {
                    mail.RecordFailure("The connection to the mail server was lost before this mail.", DateTime.UtcNow);
                    continue;
                }

                try
                {
                    await client.SendAsync(mail.ToMimeMessage(transport.Settings.From), cancellationToken);
                    mail.MarkSent(DateTime.UtcNow);
                    logger.LogInformation("Mail {MessageId} ({Kind}) sent", mail.MessageId, mail.Kind);
                }
                catch (SmtpCommandException ex) when (IsPermanent(ex))
                {
                    mail.Reject($"{(int)ex.StatusCode} {ex.Message}", DateTime.UtcNow);
                    logger.LogError("Mail {MessageId} ({Kind}) refused by the server for good: {Status} {Error}", mail.MessageId, mail.Kind, (int)ex.StatusCode, ex.Message);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    mail.RecordFailure(ex.Message, DateTime.UtcNow);
                    logger.LogWarning("Mail {MessageId} ({Kind}) not sent, will retry: {Error}", mail.MessageId, mail.Kind, ex.Message);
                    connectionLost = ex is not SmtpCommandException || !client.IsConnected;
                }

                // Recorded at once: a crash after the next send must not send this one again.
                await db.SaveChangesAsync(CancellationToken.None);
            }

            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: true, cancellationToken);
                }
                catch (Exception ex) when (ex is ServiceNotConnectedException or IOException or ProtocolException or OperationCanceledException)
                {
                    // every mail is recorded already
                }
            }
        }

        return batch.Count;
    }

    /// <summary>
    /// The server refuses this recipient or this message for good (5xx). A refused sender is not: that is our
    /// configuration (Mail__From), and the mail must wait for it to be fixed.
    /// </summary>
    private static bool IsPermanent(SmtpCommandException ex) =>
        (int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
}
