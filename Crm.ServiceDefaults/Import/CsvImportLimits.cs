namespace Crm.ServiceDefaults.Import;

/// <summary>The size of one CSV import (<c>POST /{list}/import</c>): past either, 413 and nothing is read further.</summary>
public static class CsvImportLimits
{
    public const int MaxRows = 10_000;

    public const long MaxBytes = 5 * 1024 * 1024;
}
