using Crm.Billing.Model;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Billing.Apis;

/// <summary>The filters of <c>GET /orders</c> and its export, as the query string spells them.</summary>
public sealed class OrderListFilter
{
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "account_id")]
    public Guid? AccountId { get; set; }

    [FromQuery(Name = "opportunity_id")]
    public Guid? OpportunityId { get; set; }

    /// <summary>true: only orders with a balance due (as the receivables report counts them); false: only the others.</summary>
    [FromQuery(Name = "balance_due")]
    public bool? BalanceDue { get; set; }

    /// <summary>Orders with a balance due whose age falls in this bucket: 0-30, 31-60, 61-90, 90+.</summary>
    [FromQuery(Name = "aging")]
    public string? Aging { get; set; }

    /// <summary>The day balance_due and aging are judged on (YYYY-MM-DD); default today.</summary>
    [FromQuery(Name = "as_of")]
    public string? AsOf { get; set; }

    /// <summary>The list view: all (default), my, recent.</summary>
    [FromQuery(Name = "view")]
    public string? View { get; set; }

    /// <summary>The orders the filters (all but the view) ask for; unknown values are errors under their names.</summary>
    public IQueryable<OrderListItem> Rows(OrderQueries queries, ValidationErrors errors)
    {
        var status = EnumNames.ParseFilter<OrderStatus>(Status, "status", "Status", errors);
        var aging = EnumNames.ParseFilter<AgingBucket>(Aging, "aging", "Aging", errors);
        var asOf = DateFilter.Parse(AsOf, "as_of", "As of", errors) ?? OrderQueries.Today;

        var rows = queries.ListItems();
        if (aging is { } bucket)
        {
            rows = rows.Where(OrderQueries.Receivable(asOf)).Where(OrderQueries.InBucket(asOf, bucket));
        }

        if (BalanceDue == true)
        {
            rows = rows.Where(OrderQueries.Receivable(asOf));
        }
        else if (BalanceDue == false)
        {
            var receivables = queries.Receivables(asOf).Select(r => r.Id);
            rows = rows.Where(o => !receivables.Contains(o.Id));
        }

        if (status is { } s)
        {
            rows = rows.Where(o => o.Status == s);
        }

        if (AccountId is { } account)
        {
            rows = rows.Where(o => o.AccountId == account);
        }

        if (OpportunityId is { } opportunity)
        {
            rows = rows.Where(o => o.OpportunityId == opportunity);
        }

        return rows;
    }
}
