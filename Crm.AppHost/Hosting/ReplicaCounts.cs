using System.Globalization;

namespace Crm.AppHost.Hosting;

/// <summary><c>--replicas sales=2,billing=2</c>: how many processes run each service (1 when not named).</summary>
public sealed class ReplicaCounts
{
    public static readonly IReadOnlyList<string> Services = ["identity", "sales", "billing", "activities"];

    public static readonly ReplicaCounts None = new(new Dictionary<string, int>());

    private readonly IReadOnlyDictionary<string, int> _counts;

    private ReplicaCounts(IReadOnlyDictionary<string, int> counts) => _counts = counts;

    public int this[string service] => _counts.GetValueOrDefault(service, 1);

    /// <summary>One replica is named after its service; several are <c>sales-1</c>, <c>sales-2</c>...</summary>
    public IReadOnlyList<string> Names(string service) =>
        this[service] == 1 ? [service] : Enumerable.Range(1, this[service]).Select(i => $"{service}-{i}").ToList();

    public static ReplicaCounts Parse(string? value)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !Services.Contains(pair[0], StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"--replicas: '{part}' is not <service>=<count> with a service of {string.Join(", ", Services)}.");
            }

            if (!int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 8)
            {
                throw new FormatException($"--replicas: the count in '{part}' must be 1 to 8.");
            }

            counts[pair[0].ToLowerInvariant()] = count;
        }

        return new ReplicaCounts(counts);
    }
}
