using System.Globalization;
using MailKit.Security;
using MimeKit;

namespace Crm.Identity.Mail;

/// <summary>
/// Where mail goes: the <c>mail</c> connection string (<c>ConnectionStrings__mail</c>: <c>smtp://[user:password@]host[:port]</c>,
/// <c>smtps://...</c> for TLS from the first byte, or Aspire's <c>Endpoint=smtp://host:port;Username=...;Password=...</c>),
/// each part overridable by <c>Mail__Host</c>, <c>Mail__Port</c>, <c>Mail__User</c>, <c>Mail__Password</c>,
/// <c>Mail__UseTls</c> and <c>Mail__From</c>. Neither set: mail is kept in the outbox, unsent, until they are.
/// </summary>
public sealed record MailSettings(string? Host, int Port, string? User, string? Password, SecureSocketOptions Security, MailboxAddress From)
{
    public const string ConnectionName = "mail";
    public const string Section = "Mail";
    public const string DefaultFrom = "Agency CRM <no-reply@crm.local>";

    public bool IsConfigured => Host is not null;

    /// <summary>The settings from configuration; a value that cannot be right stops the start with what to fix.</summary>
    public static MailSettings FromConfiguration(IConfiguration configuration)
    {
        string? host = null, user = null, password = null;
        int? port = null;
        var implicitTls = false;
        if (configuration.GetConnectionString(ConnectionName) is { Length: > 0 } connectionString)
        {
            var endpoint = connectionString;
            // Key=value pairs (Aspire's MailKit client's shape) unless it is the URI itself.
            if (connectionString.Contains('=', StringComparison.Ordinal) && !connectionString.StartsWith("smtp", StringComparison.OrdinalIgnoreCase))
            {
                var parts = KeyValues(connectionString);
                endpoint = parts.GetValueOrDefault("endpoint") ?? throw Invalid("ConnectionStrings__mail has no Endpoint=smtp://host:port.");
                user = parts.GetValueOrDefault("username");
                password = parts.GetValueOrDefault("password");
            }

            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || uri.Host.Length == 0)
            {
                throw Invalid("ConnectionStrings__mail must look like smtp://host:port or smtps://user:password@host:port.");
            }

            host = uri.Host;
            port = uri.IsDefaultPort || uri.Port <= 0 ? null : uri.Port;
            implicitTls = uri.Scheme == "smtps";
            if (uri.UserInfo is { Length: > 0 } info)
            {
                var colon = info.IndexOf(':', StringComparison.Ordinal);
                user = Uri.UnescapeDataString(colon < 0 ? info : info[..colon]);
                password = colon < 0 ? password : Uri.UnescapeDataString(info[(colon + 1)..]);
            }
        }

        var section = configuration.GetSection(Section);
        host = NullIfEmpty(section["Host"]) ?? host;
        user = NullIfEmpty(section["User"]) ?? user;
        password = NullIfEmpty(section["Password"]) ?? password;
        if (NullIfEmpty(section["Port"]) is { } portText)
        {
            port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535
                ? p
                : throw Invalid($"Mail__Port='{portText}' is not a port number.");
        }

        bool? useTls = null;
        if (NullIfEmpty(section["UseTls"]) is { } tlsText)
        {
            useTls = bool.TryParse(tlsText, out var tls) ? tls : throw Invalid($"Mail__UseTls='{tlsText}' is not true or false.");
        }

        var fromText = NullIfEmpty(section["From"]) ?? DefaultFrom;
        if (!MailboxAddress.TryParse(fromText, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            throw Invalid($"Mail__From='{fromText}' is not an address such as \"Agency CRM <no-reply@example.com>\".");
        }

        var resolvedPort = port ?? (implicitTls ? 465 : 25);
        var security = implicitTls || (useTls == true && resolvedPort == 465) ? SecureSocketOptions.SslOnConnect
            : useTls == true ? SecureSocketOptions.StartTls
            : useTls == false ? SecureSocketOptions.None
            // Unsaid: encrypt when the server offers STARTTLS (a real server does; the development sink does not).
            : SecureSocketOptions.StartTlsWhenAvailable;
        return new MailSettings(host, resolvedPort, user, password, security, from);
    }

    private static Dictionary<string, string> KeyValues(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim().ToLowerInvariant(), kv => kv[1].Trim());

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static InvalidOperationException Invalid(string message) => new($"Mail settings: {message}");
}
