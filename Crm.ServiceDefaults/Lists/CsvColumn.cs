namespace Crm.ServiceDefaults.Lists;

/// <summary>One column of a list's CSV export: the list's column title and the row's value.</summary>
public sealed record CsvColumn<T>(string Title, Func<T, object?> Value);
