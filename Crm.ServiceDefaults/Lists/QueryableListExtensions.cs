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

    /// <summary>
    /// The page and the exact total of the filtered set in one round trip: every row of the page carries
    /// <c>count(*)</c> of the filtered set as an uncorrelated subquery, which PostgreSQL runs once. Only an
    /// empty page past the first needs a count of its own (to tell "past the end" from "nothing matches").
    /// </summary>
    public static async Task<PagedResult<TResult>> ToPageAsync<T, TResult>(
        this IQueryable<T> source,
        ListQuery query,
        Expression<Func<T, TResult>> projection,
        CancellationToken cancellationToken)
    {
        // A page past int's range is past the end of any list; asking the database for it would only risk an overflow.
        var rows = query.Offset > int.MaxValue
            ? []
            : await source
                .Skip((int)query.Offset)
                .Take(query.EffectivePageSize)
                .Select(WithTotal(source, projection))
                .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total
            : query.Offset == 0 ? 0
            : await source.CountAsync(cancellationToken);
        return new PagedResult<TResult>([.. rows.Select(r => r.Item)], total, query.EffectivePage, query.EffectivePageSize);
    }

    /// <summary><c>x => new CountedRow(source.Count(), projection(x))</c>.</summary>
    private static Expression<Func<T, CountedRow<TResult>>> WithTotal<T, TResult>(IQueryable<T> source, Expression<Func<T, TResult>> projection)
    {
        var count = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(T)], source.Expression);
        var constructor = typeof(CountedRow<TResult>).GetConstructor([typeof(int), typeof(TResult)])!;
        return Expression.Lambda<Func<T, CountedRow<TResult>>>(Expression.New(constructor, count, projection.Body), projection.Parameters);
    }

    private sealed record CountedRow<TResult>(int Total, TResult Item);

    /// <summary>The escape character <see cref="LikePattern"/> uses; pass it to ILike, whose default is no escape at all.</summary>
    public const string LikeEscape = "\\";

    /// <summary>Escapes LIKE wildcards so a user's "%" or "_" is searched literally.</summary>
    public static string LikePattern(string search) =>
        "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
