using System.Security.Claims;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Activities.Apis;

/// <summary>The filters of <c>GET /activities</c>, as the query string spells them.</summary>
public sealed class ActivityListFilter
{
    /// <summary>The list view: all (default), my, recent.</summary>
    [FromQuery(Name = "view")]
    public string? View { get; set; }

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

    /// <summary>
    /// The account's timeline, rolled up as Salesforce does: activities related to the account or to any
    /// record the directories place at it (its contacts, opportunities, orders and cases).
    /// </summary>
    [FromQuery(Name = "account_id")]
    public Guid? AccountId { get; set; }

    /// <summary>A date (midnight UTC) or an ISO 8601 date-time.</summary>
    [FromQuery(Name = "start_date")]
    public string? StartDate { get; set; }

    /// <summary>A date (that whole day included) or an ISO 8601 date-time (excluded).</summary>
    [FromQuery(Name = "end_date")]
    public string? EndDate { get; set; }

    /// <summary>Narrows <paramref name="rows"/> to what the filters ask for; unknown values are errors under their names.</summary>
    public IQueryable<Activity> Apply(IQueryable<Activity> rows, IQueryable<DirectoryRecord> records, ClaimsPrincipal caller, ValidationErrors errors)
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

        if (AccountId is { } account)
        {
            // An account's own directory entry carries its id as account_id, so it is among these; ids are
            // UUIDs across every service, so the id alone names the record.
            var atAccount = records.Where(r => r.AccountId == account).Select(r => r.Id);
            rows = rows.Where(a => (a.WhatId != null && atAccount.Contains(a.WhatId.Value)) || (a.WhoId != null && atAccount.Contains(a.WhoId.Value)));
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
