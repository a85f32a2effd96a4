using Microsoft.Extensions.Primitives;

namespace Crm.Gateway.Forwarding;

/// <summary>
/// Headers that describe one connection (RFC 9110 7.6.1) and so must not be passed on by a proxy:
/// the fixed list plus whatever the <c>Connection</c> header names.
/// </summary>
public static class HopByHopHeaders
{
    private static readonly HashSet<string> Fixed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection",
        "Keep-Alive",
        "Proxy-Connection",
        "TE",
        "Trailer",
        "Transfer-Encoding",
        "Upgrade",
    };

    /// <summary>The header names listed in a <c>Connection</c> header (<c>close</c> and <c>keep-alive</c> included; harmless).</summary>
    public static IReadOnlySet<string> ListedIn(IEnumerable<string?> connectionValues)
    {
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in connectionValues)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var token in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                listed.Add(token);
            }
        }

        return listed;
    }

    public static IReadOnlySet<string> ListedIn(StringValues connection) => ListedIn((IEnumerable<string?>)connection);

    public static bool IsHopByHop(string name, IReadOnlySet<string> listedInConnection) =>
        Fixed.Contains(name)
        || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)
        || listedInConnection.Contains(name);
}
