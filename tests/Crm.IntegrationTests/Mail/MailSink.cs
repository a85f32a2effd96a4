using System.Text.Json.Nodes;
using Crm.Testing;

namespace Crm.IntegrationTests.Mail;

/// <summary>One message the development mail sink received (its JSON API, <c>GET /api/messages?to=</c>).</summary>
public sealed record SentMail(string Id, string From, IReadOnlyList<string> To, string Subject, string Text, string? Html, IReadOnlyList<string> Links)
{
    /// <summary>The message's one set-password link.</summary>
    public string SetPasswordLink => Links.Single(l => l.Contains("/set-password?token=", StringComparison.Ordinal));

    public override string ToString() => $"{Subject} → {string.Join(", ", To)}";
}

/// <summary>Reads what the CRM mailed, from the mail sink the AppHost runs as the <c>mail</c> resource.</summary>
public static class MailSink
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Every message to the address, newest first.</summary>
    public static async Task<IReadOnlyList<SentMail>> MessagesToAsync(this CrmFixture fixture, string address)
    {
        var json = JsonNode.Parse(await Client.GetStringAsync($"{fixture.MailSinkUrl}/api/messages?to={Uri.EscapeDataString(address)}"))!;
        return json.AsArray().OfType<JsonNode>().Select(m => new SentMail(
            m.Str("id"),
            m.Str("from"),
            m["to"]!.AsArray().Select(t => t!.GetValue<string>()).ToList(),
            m.Str("subject"),
            m["text"]?.GetValue<string>() ?? "",
            m["html"]?.GetValue<string>(),
            m["links"]!.AsArray().Select(l => l!.GetValue<string>()).ToList())).ToList();
    }

    /// <summary>Waits for a message to the address whose subject contains <paramref name="subject"/>.</summary>
    public static async Task<SentMail> WaitForMailAsync(this CrmFixture fixture, string address, string subject, TimeSpan? timeout = null)
    {
        var found = await Eventually.WaitForAsync(
            () => fixture.MessagesToAsync(address),
            messages => messages.Any(m => m.Subject.Contains(subject, StringComparison.Ordinal)),
            timeout ?? TimeSpan.FromSeconds(30),
            $"a mail '{subject}' to {address}");
        return found.First(m => m.Subject.Contains(subject, StringComparison.Ordinal));
    }

    /// <summary>The link as the test reaches it: the same path and query on this run's gateway.</summary>
    public static string OnGateway(this CrmFixture fixture, string link) =>
        fixture.GatewayUrl + new Uri(link).PathAndQuery;
}
