namespace Crm.MailSink;

/// <summary>Configuration section <c>MailSink</c> (environment <c>MailSink__SmtpPort</c>...).</summary>
public sealed class SinkOptions
{
    public const string Section = "MailSink";

    /// <summary>The loopback port SMTP is accepted on.</summary>
    public int SmtpPort { get; set; } = 2525;

    /// <summary>Where messages are kept as .eml files, so a restart of the sink shows what it had; none: memory only.</summary>
    public string? Directory { get; set; }

    /// <summary>The newest messages kept; older ones are forgotten (and their files deleted).</summary>
    public int MaxMessages { get; set; } = 1000;
}
