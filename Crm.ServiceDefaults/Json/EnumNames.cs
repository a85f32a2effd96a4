using System.Reflection;
using System.Text.Json.Serialization;

namespace Crm.ServiceDefaults.Json;

/// <summary>
/// Enum values as the API spells them: the display string ("Closed Won") where a member says so
/// with <see cref="JsonStringEnumMemberNameAttribute"/>, else the member name. Query strings use the same spelling as bodies.
/// </summary>
public static class EnumNames
{
    public static string Display<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
    }

    /// <summary>The same for a value whose enum type is known only at run time (CSV cells).</summary>
    public static string Display(Enum value)
    {
        var name = value.ToString();
        return value.GetType().GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
    }

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Display).ToList();

    /// <summary>The display strings of <paramref name="enumType"/>, in declaration order (for the OpenAPI documents).</summary>
    public static IReadOnlyList<string> All(Type enumType) =>
        Enum.GetNames(enumType).Select(name => enumType.GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name).ToList();

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Display(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>A list filter given as a display string: null when absent, an error under <paramref name="field"/> when unknown.</summary>
    public static TEnum? ParseFilter<TEnum>(string? text, string field, string label, Http.ValidationErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        errors.Add(field, OneOfMessage<TEnum>(label));
        return null;
    }

    /// <summary>"Stage must be one of: Qualifying, Proposal, ..."</summary>
    public static string OneOfMessage<TEnum>(string label)
        where TEnum : struct, Enum => $"{label} must be one of: {string.Join(", ", All<TEnum>())}.";
}
