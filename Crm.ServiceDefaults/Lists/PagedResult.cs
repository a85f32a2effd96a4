namespace Crm.ServiceDefaults.Lists;

/// <summary>The list answer of every collection endpoint: <c>{items, total, page, page_size}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
