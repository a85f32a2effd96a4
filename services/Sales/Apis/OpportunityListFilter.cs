using System.Security.Claims;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Sales.Apis;

/// <summary>The filters of <c>GET /opportunities</c> and its export, as the query string spells them.</summary>
public sealed class OpportunityListFilter
{
    [FromQuery(Name = "stage")]
    public string? Stage { get; set; }

    [FromQuery(Name = "account_id")]
    public Guid? AccountId { get; set; }

    /// <summary>"me" or a user id.</summary>
    [FromQuery(Name = "owner_id")]
    public string? OwnerId { get; set; }

    /// <summary>Close dates on or after this day (YYYY-MM-DD).</summary>
    [FromQuery(Name = "close_from")]
    public string? CloseFrom { get; set; }

    /// <summary>Close dates on or before this day (YYYY-MM-DD).</summary>
    [FromQuery(Name = "close_to")]
    public string? CloseTo { get; set; }

    /// <summary>The list view: all (default), my, recent.</summary>
    [FromQuery(Name = "view")]
    public string? View { get; set; }

    /// <summary>Narrows <paramref name="rows"/> to what the filters ask for (all but the view); unknown values are errors under their names.</summary>
    public IQueryable<OpportunityListItem> Apply(IQueryable<OpportunityListItem> rows, ClaimsPrincipal caller, ValidationErrors errors)
    {
        var stage = EnumNames.ParseFilter<OpportunityStage>(Stage, "stage", "Stage", errors);
        var owner = OwnerFilter.Parse(OwnerId, caller, errors);
        var close = CloseDateRange.Parse(CloseFrom, CloseTo, errors);

        if (stage is { } s)
        {
            rows = rows.Where(o => o.Stage == s);
        }

        if (AccountId is { } account)
        {
            rows = rows.Where(o => o.AccountId == account);
        }

        if (owner is { } o)
        {
            rows = rows.Where(r => r.OwnerId == o);
        }

        if (close.From is { } from)
        {
            rows = rows.Where(r => r.CloseDate >= from);
        }

        if (close.To is { } to)
        {
            rows = rows.Where(r => r.CloseDate <= to);
        }

        return rows;
    }
}
