namespace Crm.AppHost.Hosting;

/// <summary>Parses <c>--replicas sales=2,billing=3</c>.</summary>
public static class ReplicaCounts
{
    public const int MaxReplicas = 16;

    public static IReadOnlyDictionary<string, int> Parse(string? value, IReadOnlyCollection<string> knownServices)
    {
        var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        foreach (var raw in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new FormatException($"Invalid replica setting '{raw}': expected <service>=<count>, e.g. sales=2.");
            }

            var service = parts[0].ToLowerInvariant();
            if (!knownServices.Contains(service, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException(
                    $"Unknown service '{parts[0]}' in --replicas; known: {string.Join(", ", knownServices)}.");
            }

            if (!int.TryParse(parts[1], out var count) || count < 1 || count > MaxReplicas)
            {
                throw new FormatException($"Invalid replica count '{parts[1]}' for {service}: expected 1..{MaxReplicas}.");
            }

            result[service] = count;
        }

        return result;
    }

    /// <summary>Resource name of one replica: plain <c>sales</c> for a single replica, else <c>sales-1</c>, <c>sales-2</c>...</summary>
    public static string ReplicaName(string service, int index, int count) =>
        count <= 1 ? service : $"{service}-{index + 1}";
}
