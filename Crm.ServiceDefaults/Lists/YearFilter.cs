using System.Globalization;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.ServiceDefaults.Lists;

/// <summary>A report's <c>year</c>: the current one when absent, else a year whose days the API takes (<see cref="DateBounds"/>).</summary>
public static class YearFilter
{
    public static int? Parse(string? text, DateOnly today, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return today.Year;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= DateBounds.MinDate.Year && year <= DateBounds.MaxDate.Year)
        {
            return year;
        }

        errors.Add("year", $"Year must be a year between {DateBounds.MinDate.Year} and {DateBounds.MaxDate.Year}.");
        return null;
    }
}
