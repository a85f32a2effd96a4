namespace Crm.ServiceDefaults.Lists;

/// <summary>The list answer of every collection endpoint: <c>{items, total, page, page_size}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>The same page with its rows turned into what the endpoint answers (names looked up, rules applied).</summary>
    public PagedResult<TResult> WithItems<TResult>(IReadOnlyList<TResult> items) => new(items, Total, Page, PageSize);
}
