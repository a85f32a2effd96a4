using System.Text.Unicode;
using Crm.ServiceDefaults.Json;
using CsvHelper;

namespace Crm.ServiceDefaults.Import;

/// <summary>
/// An uploaded CSV file read with CsvHelper: UTF-8 (a byte order mark is allowed, as Excel writes one), comma
/// separated, a header row, LF or CRLF lines. Only the columns <see cref="CsvImportColumns"/> knows are kept;
/// wholly blank rows are passed over. Problems with the file as a whole come back as errors of row 1, field "file".
/// </summary>
public sealed class CsvImportFile
{
    public const string FileField = "file";

    /// <summary>The export prefixes these with ' so a spreadsheet does not run them; the import takes the prefix off again.</summary>
    private const string EscapedStarts = "=+-@\t\r";

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        MalformedData = CsvMalformedDataHandling.Throw,
        IncludeValuesInExceptions = false,
    };

    private CsvImportFile(IReadOnlyList<CsvImportRow> rows, IReadOnlyList<ImportRowError> errors, bool tooManyRows)
    {
        Rows = rows;
        Errors = errors;
        TooManyRows = tooManyRows;
    }

    public IReadOnlyList<CsvImportRow> Rows { get; }

    public IReadOnlyList<ImportRowError> Errors { get; }

    /// <summary>More than <see cref="CsvImportLimits.MaxRows"/> data rows: reading stopped there.</summary>
    public bool TooManyRows { get; }

    /// <summary>Reads the whole body; the endpoint's body limit has Kestrel answer 413 past <see cref="CsvImportLimits.MaxBytes"/>.</summary>
    public static async Task<CsvImportFile> ReadAsync(Stream body, CsvImportColumns columns, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), columns);
    }

    public static CsvImportFile Parse(ReadOnlyMemory<byte> bytes, CsvImportColumns columns)
    {
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (!Utf8.IsValid(bytes.Span))
        {
            return Refused("The file is not UTF-8 text. Save it as \"CSV UTF-8\".");
        }

        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Refused("The file is empty.");
        }

        var rows = new List<CsvImportRow>();
        var errors = new List<ImportRowError>();
        using var csv = CsvReader.Create(bytes, Options);
        try
        {
            var fields = MapHeader(csv.Headers, columns);
            if (fields.Count == 0)
            {
                return Refused($"No column names a field. Use the list's column titles or these names: {string.Join(", ", columns.Fields)}.");
            }

            while (csv.Read())
            {
                var row = (int)csv.RowNumber + 1;
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (index, field) in fields)
                {
                    var value = Unescape(index < csv.FieldCount ? csv.GetString(index) : "");
                    if (value.Contains('\0', StringComparison.Ordinal))
                    {
                        errors.Add(new ImportRowError(row, field, JsonTextScanner.NulMessage));
                        value = "";
                    }

                    cells[field] = value;
                }

                if (cells.Values.All(string.IsNullOrWhiteSpace) && !errors.Any(e => e.Row == row))
                {
                    continue;
                }

                if (rows.Count == CsvImportLimits.MaxRows)
                {
                    return new CsvImportFile(rows, errors, tooManyRows: true);
                }

                rows.Add(new CsvImportRow(row, cells));
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new ImportRowError((int)Math.Max(1, ex.RecordNumber), FileField, "The row is not valid CSV (check its quotes)."));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportRowError(1, FileField, "The file has a header row but no rows to import."));
        }

        return new CsvImportFile(rows, errors, tooManyRows: false);
    }

    /// <summary>Column index → field; a second column for the same field is ignored.</summary>
    private static List<(int Index, string Field)> MapHeader(IReadOnlyList<string> headers, CsvImportColumns columns)
    {
        var map = new List<(int, string)>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (columns.FieldFor(headers[i]) is { } field && map.All(m => m.Item2 != field))
            {
                map.Add((i, field));
            }
        }

        return map;
    }

    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && EscapedStarts.Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;

    private static CsvImportFile Refused(string message) => new([], [new ImportRowError(1, FileField, message)], tooManyRows: false);
}
