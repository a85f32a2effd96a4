using System.Text.RegularExpressions;
using MimeKit;

namespace Crm.MailSink;

/// <summary>One message the sink received, as the page and the JSON API show it.</summary>
public sealed partial record StoredMail(
    string Id,
    DateTime ReceivedAt,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyList<string> Links)
{
    public static StoredMail Of(string id, DateTime receivedAt, MimeMessage message)
    {
        var text = message.TextBody;
        var html = message.HtmlBody;
        // Links as a reader would click them: the text part's, else the HTML part's.
        var links = Url().Matches(text ?? html ?? "").Select(m => System.Net.WebUtility.HtmlDecode(m.Value)).Distinct().ToList();
        return new StoredMail(
            id,
            receivedAt,
            message.From.ToString(),
            message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).ToList(),
            message.Subject ?? "",
            text,
            html,
            links);
    }

    public bool IsFor(string address) => To.Any(t => string.Equals(t, address.Trim(), StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("""https?://[^\s<>"']+""")]
    internal static partial Regex Url();
}
