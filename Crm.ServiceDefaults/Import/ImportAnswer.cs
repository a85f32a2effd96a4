namespace Crm.ServiceDefaults.Import;

/// <summary>
/// The answer of an import or its dry run: how many data rows the file has, how many records were created (0 for a
/// dry run or a refused file), every error by row and field, the rows that duplicate an existing record, and how
/// many of those were skipped.
/// </summary>
public sealed record ImportAnswer(int Rows, int Created, IReadOnlyList<ImportRowError> Errors, IReadOnlyList<ImportDuplicate> Duplicates, int Skipped);

/// <summary>What is wrong with one field of one row (the header is row 1; "file" for the file as a whole).</summary>
public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>A row whose <see cref="Field"/> matches an existing record's (same account name, same e-mail).</summary>
public sealed record ImportDuplicate(int Row, string Field, Guid ExistingId);
