using MailKit.Net.Smtp;

namespace Crm.Identity.Mail;

/// <summary>A MailKit connection to the configured SMTP server, signed in when a user is configured.</summary>
public sealed class SmtpTransport(MailSettings settings)
{
    /// <summary>Per SMTP command: a server that hangs must not hold the claimed mails for long.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    public MailSettings Settings => settings;

    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var host = settings.Host ?? throw new InvalidOperationException("No mail server is configured.");
        var client = new SmtpClient { Timeout = (int)CommandTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, settings.Port, settings.Security, cancellationToken);
            if (settings.User is { } user)
            {
                await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
