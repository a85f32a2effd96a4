using System.Globalization;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.ServiceDefaults.Lists;

/// <summary>Date query parameters (YYYY-MM-DD, within <see cref="DateBounds"/>) of lists and reports; both ends of a range inclusive.</summary>
public static class DateFilter
{
    /// <summary>Null when absent; an error under <paramref name="field"/> when not a date in range.</summary>
    public static DateOnly? Parse(string? text, string field, string label, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, $"{label} must be a date (YYYY-MM-DD).");
            return null;
        }

        if (!DateBounds.Contains(date))
        {
            errors.Add(field, DateBounds.MessageFor(label));
            return null;
        }

        return date;
    }

    /// <summary>An inclusive range <c>[from, to]</c>; <paramref name="toField"/> carries the error when it ends before it starts.</summary>
    public static (DateOnly? From, DateOnly? To) ParseRange(
        string? fromText, string? toText, (string Field, string Label) from, (string Field, string Label) to, ValidationErrors errors)
    {
        var start = Parse(fromText, from.Field, from.Label, errors);
        var end = Parse(toText, to.Field, to.Label, errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(to.Field, $"{to.Label} must not be before {from.Label.ToLowerInvariant()}.");
        }

        return (start, end);
    }
}
