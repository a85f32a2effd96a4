using Crm.ServiceDefaults.Messaging;
using MimeKit;

namespace Crm.Identity.Mail;

/// <summary>
/// A mail waiting in Identity's mail outbox (<c>mail_outbox</c>). It is written in the same transaction as the change
/// it tells about (a new user and their link, a password change), so it exists exactly when the change does, and the
/// <see cref="MailDispatcher"/> sends it when the SMTP server takes it: a server that is down delays it, never loses it.
/// </summary>
public sealed class OutgoingMail
{
    /// <summary>What a sent mail's bodies are replaced with: they may hold a one-time link, a credential.</summary>
    public const string ScrubbedBody = "(removed once sent)";

    private OutgoingMail()
    {
    }

    public long Id { get; private set; }

    /// <summary>The Message-ID: a mail sent again after a crash (sent, but not yet marked so) carries the same one.</summary>
    public Guid MessageId { get; private set; }

    /// <summary><see cref="MailKinds"/>: what the mail is, for logs and tests without reading its body.</summary>
    public string Kind { get; private set; } = "";

    public Guid? UserId { get; private set; }

    public string ToAddress { get; private set; } = "";

    public string ToName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>When the server refused the mail for good (a 5xx to the recipient or the message): retrying cannot help.</summary>
    public DateTime? RejectedAt { get; private set; }

    public static OutgoingMail Create(string kind, Guid? userId, string toAddress, string toName, string subject, string textBody, string? htmlBody, DateTime now) => new()
    {
        MessageId = Guid.CreateVersion7(),
        Kind = kind,
        UserId = userId,
        ToAddress = toAddress,
        ToName = toName,
        Subject = subject,
        TextBody = textBody,
        HtmlBody = htmlBody,
        CreatedAt = now,
    };

    public bool IsPending => SentAt is null && RejectedAt is null;

    /// <summary>Sent: the bodies are dropped, so a link it carried no longer sits in the database in clear.</summary>
    public void MarkSent(DateTime now)
    {
        SentAt = now;
        LastError = null;
        NextAttemptAt = null;
        TextBody = ScrubbedBody;
        HtmlBody = null;
    }

    /// <summary>The server could not be reached or answered "try later": the mail waits and is tried again (<see cref="RetryBackoff"/>).</summary>
    public void RecordFailure(string error, DateTime now)
    {
        Attempts++;
        LastError = Trim(error);
        NextAttemptAt = now + RetryBackoff.After(Attempts);
    }

    /// <summary>The server refused this mail for good; it is kept, with why, and not sent again.</summary>
    public void Reject(string error, DateTime now)
    {
        Attempts++;
        LastError = Trim(error);
        RejectedAt = now;
        NextAttemptAt = null;
        TextBody = ScrubbedBody;
        HtmlBody = null;
    }

    public MimeMessage ToMimeMessage(MailboxAddress from)
    {
        var message = new MimeMessage
        {
            MessageId = $"{MessageId:N}@crm",
            Date = new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)),
            Subject = Subject,
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(ToName, ToAddress));
        message.Body = new BodyBuilder { TextBody = TextBody, HtmlBody = HtmlBody }.ToMessageBody();
        return message;
    }

    private static string Trim(string error) => error.Length > 2000 ? error[..2000] : error;
}
