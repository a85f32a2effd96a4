using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.ServiceDefaults.Http;

/// <summary>Collects per-field messages (snake_case field names, as clients send them) for one 400 answer.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public ValidationErrors Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{label} is required.");
        }

        return this;
    }

    public ValidationErrors MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"{label} must be at most {max} characters.");
        }

        return this;
    }

    public ValidationErrors Email(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !IsEmail(value))
        {
            Add(field, "Enter a valid email address.");
        }

        return this;
    }

    public ValidationErrors OneOf<TEnum>(string field, TEnum? value, string label)
        where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            Add(field, Json.EnumNames.OneOfMessage<TEnum>(label));
        }

        return this;
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(ToDictionary(), title: "One or more validation errors occurred.");

    private static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var address = new MailAddress(value);
            return address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
