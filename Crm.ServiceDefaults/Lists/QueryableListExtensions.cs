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
    /// The page and the exact total of the filtered set. The total is counted once per filter and reused while
    /// nothing is committed (ListCountCache, keyed by the database's list_count_generation read first); when it
    /// must be counted, every row of the page carries <c>count(*)</c> of the filtered set as an uncorrelated
    /// subquery, which PostgreSQL runs once, so page and total still take one round trip. A page in the second
    /// half of a known total is read from the end (the sort reversed, a small offset), so the last page costs
    /// what the first does.
    /// </summary>
    public static async Task<PagedResult<TResult>> ToPageAsync<T, TResult>(
        this IQueryable<T> source,
        DbContext db,
        ListQuery query,
        Expression<Func<T, TResult>> projection,
        CancellationToken cancellationToken)
    {
        var size = query.EffectivePageSize;
        var generation = (await db.Database.SqlQueryRaw<string>("SELECT list_count_generation() AS \"Value\"").ToListAsync(cancellationToken))[0];
        var filter = ListFilterKey.Of(source);
        if (ListCountCache.TryGet(generation, filter, out var known))
        {
            return new PagedResult<TResult>(await PageOfKnownTotalAsync(source, query.Offset, size, known, projection, cancellationToken), known, query.EffectivePage, size);
        }

        // A page past int's range is past the end of any list; asking the database for it would only risk an overflow.
        var rows = query.Offset > int.MaxValue
            ? []
            : await source
                .Skip((int)query.Offset)
                .Take(size)
                .Select(WithTotal(source, projection))
                .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total
            : query.Offset == 0 ? 0
            : await source.CountAsync(cancellationToken);
        ListCountCache.Set(generation, filter, total);
        return new PagedResult<TResult>([.. rows.Select(r => r.Item)], total, query.EffectivePage, size);
    }

    private static async Task<IReadOnlyList<TResult>> PageOfKnownTotalAsync<T, TResult>(
        IQueryable<T> source, long offset, int size, int total, Expression<Func<T, TResult>> projection, CancellationToken cancellationToken)
    {
        if (offset > int.MaxValue)
        {
            return []; // past the end of any list, and past what Skip takes
        }

        // Past the known end the page is read as asked: a total counted just before a commit that is not yet
        // reflected in the generation (the bump follows the commit) must not hide the rows that now exist.
        if (offset <= total / 2 || offset >= total)
        {
            return await source.Skip((int)offset).Take(size).Select(projection).ToListAsync(cancellationToken);
        }

        // From the end: skip the rows after the page in the reversed order (ties included: the tie-breaker reverses too).
        var after = total - (int)offset - size;
        var take = after < 0 ? size + after : size;
        var reversed = await source.Reverse().Skip(Math.Max(after, 0)).Take(take).Select(projection).ToListAsync(cancellationToken);
        reversed.Reverse();
        return reversed;
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
