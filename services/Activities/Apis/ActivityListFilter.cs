using System.Security.Claims;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Activities.Apis;

/// <summary>The filters of <c>GET /activities</c>, as the query string spells them.</summary>
public sealed class ActivityListFilter
{
    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    /// <summary>"me" or a user id.</summary>
    [FromQuery(Name = "assigned_to")]
    public string? AssignedTo { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "status_ne")]
    public string? StatusNe { get; set; }

    [FromQuery(Name = "what_type")]
    public string? WhatType { get; set; }

    [FromQuery(Name = "what_id")]
    public Guid? WhatId { get; set; }

    [FromQuery(Name = "who_type")]
    public string? WhoType { get; set; }

    [FromQuery(Name = "who_id")]
    public Guid? WhoId { get; set; }

    /// <summary>A date (midnight UTC) or an ISO 8601 date-time.</summary>
    [FromQuery(Name = "start_date")]
    public string? StartDate { get; set; }

    /// <summary>A date (that whole day included) or an ISO 8601 date-time (excluded).</summary>
    [FromQuery(Name = "end_date")]
    public string? EndDate { get; set; }

    /// <summary>Narrows <paramref name="rows"/> to what the filters ask for; unknown values are errors under their names.</summary>
    public IQueryable<Activity> Apply(IQueryable<Activity> rows, ClaimsPrincipal caller, ValidationErrors errors)
    {
        var type = EnumNames.ParseFilter<ActivityType>(Type, "type", "Type", errors);
        var assignee = UserFilter.Parse(AssignedTo, "assigned_to", "Assigned To", caller, errors);
        var status = EnumNames.ParseFilter<ActivityStatus>(Status, "status", "Status", errors);
        var statusNe = EnumNames.ParseFilter<ActivityStatus>(StatusNe, "status_ne", "Status", errors);
        var whatType = EnumNames.ParseFilter<WhatType>(WhatType, "what_type", "Related To type", errors);
        var whoType = EnumNames.ParseFilter<WhoType>(WhoType, "who_type", "Name type", errors);
        PairRequired(errors, WhatType, WhatId, "what_type", "what_id");
        PairRequired(errors, WhoType, WhoId, "who_type", "who_id");
        var range = ActivityRange.Parse(StartDate, EndDate, errors);

        if (type is { } t)
        {
            rows = rows.Where(a => a.Type == t);
        }

        if (assignee is { } user)
        {
            rows = rows.Where(a => a.AssignedToId == user);
        }

        if (status is { } s)
        {
            rows = rows.Where(a => a.Status == s);
        }

        if (statusNe is { } ne)
        {
            // Events have no status, so they are "not Completed" too.
            rows = rows.Where(a => a.Status == null || a.Status != ne);
        }

        if (whatType is { } wt && WhatId is { } whatId)
        {
            rows = rows.Where(a => a.WhatType == wt && a.WhatId == whatId);
        }

        if (whoType is { } ht && WhoId is { } whoId)
        {
            rows = rows.Where(a => a.WhoType == ht && a.WhoId == whoId);
        }

        if (range is not null)
        {
            rows = rows.Where(range.Filter());
        }

        return rows;
    }

    private static void PairRequired(ValidationErrors errors, string? type, Guid? id, string typeField, string idField)
    {
        if (string.IsNullOrEmpty(type) && id is not null)
        {
            errors.Add(typeField, $"Give {typeField} with {idField}.");
        }
        else if (!string.IsNullOrEmpty(type) && id is null)
        {
            errors.Add(idField, $"Give {idField} with {typeField}.");
        }
    }
}
