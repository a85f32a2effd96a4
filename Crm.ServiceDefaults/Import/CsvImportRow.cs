using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.ServiceDefaults.Import;

/// <summary>One data row of an imported file: its number (the header is row 1) and its cells by field name.</summary>
public sealed class CsvImportRow(int number, IReadOnlyDictionary<string, string> cells)
{
    public int Number { get; } = number;

    /// <summary>The cell's text, or null when the file has no such column or the cell is blank.</summary>
    public string? Get(string field) => cells.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>An enum cell by its display name, in any case; an error under <paramref name="field"/> when it names none.</summary>
    public TEnum? GetEnum<TEnum>(string field, string label, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        if (Get(field)?.Trim() is not { } text)
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(EnumNames.Display(value), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.Add(field, EnumNames.OneOfMessage<TEnum>(label));
        return null;
    }

    /// <summary>A record id cell; an error under <paramref name="field"/> when it is not one.</summary>
    public Guid? GetId(string field, string label, ValidationErrors errors)
    {
        if (Get(field)?.Trim() is not { } text)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        errors.Add(field, $"{label} must be a record id.");
        return null;
    }

    /// <summary>
    /// A person's first and last name: from first_name and last_name when the file has them, else from the list's
    /// single Name column as the export writes it ("Ada Lovelace": the last word is the last name).
    /// </summary>
    public (string? First, string? Last) GetPersonName()
    {
        if (cells.ContainsKey("first_name") || cells.ContainsKey("last_name") || Get("name")?.Trim() is not { } name)
        {
            return (Get("first_name"), Get("last_name"));
        }

        var space = name.LastIndexOf(' ');
        return space < 0 ? (null, name) : (name[..space].TrimEnd(), name[(space + 1)..]);
    }
}
