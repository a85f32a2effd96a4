using Crm.ServiceDefaults.Http;

namespace Crm.ServiceDefaults.Search;

/// <summary>
/// A validated search: the trimmed text, the types asked for (in the order given; all when none) and the number of
/// items per type. The same rules at the gateway (public <c>/api/v1/search</c>) and in each service (internal).
/// </summary>
public sealed record SearchRequest(string Q, IReadOnlyList<string> Types, int Limit)
{
    public const int MinLength = 2;
    public const int MaxLength = 200;
    public const int DefaultLimit = 5;
    public const int MaxLimit = 50;

    public static SearchRequest? Parse(string? q, string? types, string? limit, ValidationErrors errors)
    {
        var text = q?.Trim() ?? "";
        if (text.Length < MinLength)
        {
            errors.Add("q", $"Enter at least {MinLength} characters.");
        }
        else if (text.Length > MaxLength)
        {
            errors.Add("q", $"Enter at most {MaxLength} characters.");
        }

        var parsedTypes = ParseTypes(types, errors);
        var parsedLimit = ParseLimit(limit, DefaultLimit, MaxLimit, errors);
        return errors.HasErrors ? null : new SearchRequest(text, parsedTypes, parsedLimit);
    }

    /// <summary>A page size from the query string: absent means <paramref name="fallback"/>, else 1..max.</summary>
    public static int ParseLimit(string? limit, int fallback, int max, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return fallback;
        }

        if (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
        {
            errors.Add("limit", $"Limit must be a whole number from 1 to {max}.");
            return fallback;
        }

        return value;
    }

    private static List<string> ParseTypes(string? types, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(types))
        {
            return [.. SearchTypes.All];
        }

        var result = new List<string>();
        foreach (var name in types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SearchTypes.All.Contains(name, StringComparer.Ordinal))
            {
                errors.Add("types", $"Unknown type '{name}'. Allowed: {string.Join(", ", SearchTypes.All)}.");
            }
            else if (!result.Contains(name, StringComparer.Ordinal))
            {
                result.Add(name);
            }
        }

        if (result.Count == 0 && !errors.HasErrors)
        {
            errors.Add("types", $"Name at least one type: {string.Join(", ", SearchTypes.All)}.");
        }

        return result;
    }
}
