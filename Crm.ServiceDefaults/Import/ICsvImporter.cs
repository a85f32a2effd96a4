using Crm.ServiceDefaults.Http;

namespace Crm.ServiceDefaults.Import;

/// <summary>
/// What one record type brings to a CSV import: its columns, its duplicate rule, and its create path, the same
/// checks and the same integration event as its POST, so an imported record is indistinguishable from one made by hand.
/// </summary>
/// <typeparam name="TCandidate">A row that passed the checks, ready to be created.</typeparam>
public interface ICsvImporter<TCandidate>
{
    CsvImportColumns Columns { get; }

    /// <summary>Loads what the checks look up for the whole file at once (accounts by name, say) instead of per row.</summary>
    Task PrepareAsync(IReadOnlyList<CsvImportRow> rows, CancellationToken cancellationToken);

    /// <summary>The rows that match existing records, in one query for the file.</summary>
    Task<IReadOnlyList<ImportDuplicate>> FindDuplicatesAsync(IReadOnlyList<CsvImportRow> rows, CancellationToken cancellationToken);

    /// <summary>Checks a row as its POST would check the same fields; null (and <paramref name="errors"/>) when it is wrong.</summary>
    Task<TCandidate?> CheckAsync(CsvImportRow row, ValidationErrors errors, CancellationToken cancellationToken);

    /// <summary>Adds the record and its integration event to the unit of work; the caller saves them all at once.</summary>
    void Add(TCandidate candidate, Guid by, DateTime now);
}
