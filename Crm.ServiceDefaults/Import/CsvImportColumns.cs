namespace Crm.ServiceDefaults.Import;

/// <summary>
/// Which field a column of an imported file fills: its header is the snake_case field name or the list's column
/// title ("Billing Address" and "billing_address" alike, any case), or one of the export titles that differ from
/// the field's name ("Account Name" for an account's <c>name</c>). Other columns (id, owner, created date) are ignored.
/// </summary>
public sealed class CsvImportColumns
{
    private readonly HashSet<string> _fields;
    private readonly Dictionary<string, string> _titles;

    public CsvImportColumns(IEnumerable<string> fields, IReadOnlyDictionary<string, string>? titles = null)
    {
        _fields = new HashSet<string>(fields, StringComparer.Ordinal);
        _titles = (titles ?? new Dictionary<string, string>()).ToDictionary(t => Normalize(t.Key), t => t.Value, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Fields => _fields;

    /// <summary>The field a header names, or null for a column the import ignores.</summary>
    public string? FieldFor(string? header)
    {
        var key = Normalize(header ?? "");
        if (_titles.TryGetValue(key, out var field))
        {
            return field;
        }

        return _fields.Contains(key) ? key : null;
    }

    /// <summary>" Billing  Address " → "billing_address".</summary>
    public static string Normalize(string header) =>
        string.Join('_', header.Trim().ToLowerInvariant().Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
