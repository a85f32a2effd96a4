using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Import;

/// <summary>The rows of an import whose <c>field</c> (trimmed, any case) an existing record has; the oldest such record is named.</summary>
public static class ImportDuplicates
{
    public static async Task<IReadOnlyList<ImportDuplicate>> FindAsync(
        IReadOnlyList<CsvImportRow> rows, string field, IQueryable<ExistingValue> existing, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => Key(r.Get(field))).OfType<string>().Distinct().ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var matches = await existing.Where(e => e.Value != null && keys.Contains(e.Value.ToLower()))
            .OrderBy(e => e.CreatedAt)
            .ToListAsync(cancellationToken);
        var owners = matches.GroupBy(e => Key(e.Value)!).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        return rows.Select(r => (r.Number, Key: Key(r.Get(field))))
            .Where(r => r.Key is not null && owners.ContainsKey(r.Key))
            .Select(r => new ImportDuplicate(r.Number, field, owners[r.Key!]))
            .ToList();
    }

    private static string? Key(string? value) => value?.Trim().ToLowerInvariant();
}
