using System.Linq.Expressions;
using System.Security.Claims;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.RecentViews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Crm.ServiceDefaults.Lists;

/// <summary>
/// The <c>view</c> list parameter, as Salesforce's list views: <c>all</c> (default), <c>my</c> (what the caller
/// owns or is assigned), <c>recent</c> (what the caller opened lately, newest first unless a sort is given).
/// It is one more Where on the list's query, so every other filter still applies.
/// </summary>
public sealed class ListView
{
    public const string All = "all";
    public const string My = "my";
    public const string Recent = "recent";

    private ListView(string name, Guid userId) => (Name, UserId) = (name, userId);

    public string Name { get; }

    public Guid UserId { get; }

    public static ListView Parse(string? view, ClaimsPrincipal caller, ValidationErrors errors)
    {
        var name = string.IsNullOrWhiteSpace(view) ? All : view.Trim().ToLowerInvariant();
        if (name is not (All or My or Recent))
        {
            errors.Add("view", $"View must be one of: {All}, {My}, {Recent}.");
            return new ListView(All, Guid.Empty);
        }

        return new ListView(name, caller.GetUserId());
    }

    /// <summary>Keeps the caller's rows (<paramref name="mine"/> gets the caller's id) or the recently viewed ones.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> rows, DbContext db, string recordType, Func<Guid, Expression<Func<T, bool>>> mine) =>
        Name switch
        {
            My => rows.Where(mine(UserId)),
            Recent => rows.Where(OnRow<T, bool>(id => Views(db, recordType).Any(v => v.RecordId == id))),
            _ => rows,
        };

    /// <summary>Recently Viewed without a sort: newest view first. Otherwise the list's own order.</summary>
    public IQueryable<T> Sort<T>(IQueryable<T> rows, DbContext db, string recordType, string? sort, Func<IQueryable<T>, IQueryable<T>> listOrder) =>
        Name == Recent && string.IsNullOrWhiteSpace(sort)
            ? rows.OrderByDescending(OnRow<T, DateTime?>(id => Views(db, recordType).Where(v => v.RecordId == id).Max(v => (DateTime?)v.ViewedAt)))
                .ThenBy(OnRow<T, Guid>(id => id))
            : listOrder(rows);

    private IQueryable<RecentView> Views(DbContext db, string recordType)
    {
        var userId = UserId;
        return db.Set<RecentView>().Where(v => v.UserId == userId && v.RecordType == recordType);
    }

    /// <summary>Turns a condition on a record id into one on a list row, through the row's <c>Id</c>.</summary>
    private static Expression<Func<T, TResult>> OnRow<T, TResult>(Expression<Func<Guid, TResult>> onId)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var body = ReplacingExpressionVisitor.Replace(onId.Parameters[0], Expression.Property(row, "Id"), onId.Body);
        return Expression.Lambda<Func<T, TResult>>(body, row);
    }
}
