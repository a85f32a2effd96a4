using System.Globalization;
using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>Small helpers for request bodies: absent fields are left out rather than sent as null.</summary>
public static class Bodies
{
    public static JsonObject Compact(JsonObject body)
    {
        foreach (var key in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            body.Remove(key);
        }

        return body;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
