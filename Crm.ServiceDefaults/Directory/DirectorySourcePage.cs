namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// One page of an owning service's records, in id order: ask again with <c>after=NextAfter</c> until it
/// is null. Keyset paging, so records created meanwhile never shift a page and none is skipped.
/// </summary>
public sealed record DirectorySourcePage<T>(IReadOnlyList<T> Items, Guid? NextAfter);
