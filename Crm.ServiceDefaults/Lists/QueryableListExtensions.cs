using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Lists;

public static class QueryableListExtensions
{
    /// <summary>
    /// Orders by the column named in <c>sort</c> (from the allowed ones; unknown names fall back to
    /// the default), then by the tie-breaker so paging is stable.
    /// </summary>
    public static IQueryable<T> ApplySort<T>(
        this IQueryable<T> source,
        string? sort,
        IReadOnlyDictionary<string, Expression<Func<T, object?>>> allowed,
        string defaultSort,
        Expression<Func<T, object?>> tieBreaker)
    {
        var requested = string.IsNullOrWhiteSpace(sort) ? defaultSort : sort.Trim();
        var descending = requested.StartsWith('-');
        var key = requested.TrimStart('-', '+');
        if (!allowed.TryGetValue(key, out var selector))
        {
            descending = defaultSort.StartsWith('-');
            selector = allowed[defaultSort.TrimStart('-')];
        }

        var ordered = descending ? source.OrderByDescending(selector) : source.OrderBy(selector);
        return ordered.ThenBy(tieBreaker);
    }

    /// <summary>Adds the "sort" error listing the allowed keys when <paramref name="sort"/> names none of them.</summary>
    public static Http.ValidationErrors CheckSort<T>(this Http.ValidationErrors errors, string? sort, IReadOnlyDictionary<string, Expression<Func<T, object?>>> allowed)
    {
        if (!IsKnownSort(sort, allowed))
        {
            errors.Add("sort", $"Sort by one of: {string.Join(", ", allowed.Keys)} (prefix - for descending).");
        }

        return errors;
    }

    public static bool IsKnownSort<T>(string? sort, IReadOnlyDictionary<string, Expression<Func<T, object?>>> allowed) =>
        string.IsNullOrWhiteSpace(sort) || allowed.ContainsKey(sort.Trim().TrimStart('-', '+'));

    public static async Task<PagedResult<TResult>> ToPageAsync<T, TResult>(
        this IQueryable<T> source,
        ListQuery query,
        Expression<Func<T, TResult>> projection,
        CancellationToken cancellationToken)
    {
        var total = await source.CountAsync(cancellationToken);
        // A page past the end is empty; asking the database for it would only risk an int overflow.
        var items = query.Offset >= total
            ? []
            : await source
                .Skip((int)query.Offset)
                .Take(query.EffectivePageSize)
                .Select(projection)
                .ToListAsync(cancellationToken);
        return new PagedResult<TResult>(items, total, query.EffectivePage, query.EffectivePageSize);
    }

    /// <summary>The escape character <see cref="LikePattern"/> uses; pass it to ILike, whose default is no escape at all.</summary>
    public const string LikeEscape = "\\";

    /// <summary>Escapes LIKE wildcards so a user's "%" or "_" is searched literally.</summary>
    public static string LikePattern(string search) =>
        "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
