using Crm.Activities.Model;
using Crm.ServiceDefaults.Json;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Activities.Apis;

/// <summary>A new case; the caller owns it unless an owner is named.</summary>
public sealed record CreateCaseRequest : CaseFields
{
    public CaseFields OwnedBy(Guid caller) => this with { OwnerId = OwnerId ?? caller };
}

/// <summary>Only the fields to change (null clears a field) plus the version they were read at.</summary>
public sealed record UpdateCaseRequest : CaseChanges
{
    public Optional<int?> Version { get; init; }
}

/// <summary>A case as every endpoint answers it (list rows included), with the names of its account, contact and owner.</summary>
public sealed record CaseResponse(
    Guid Id,
    string CaseNumber,
    string Subject,
    string? Description,
    CaseStatus Status,
    CasePriority Priority,
    Guid AccountId,
    string AccountName,
    Guid? ContactId,
    string? ContactName,
    Guid OwnerId,
    string OwnerName,
    DateTime? ClosedAt,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    string CreatedByName,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string UpdatedByName);

/// <summary>The filters of <c>GET /cases</c>, as the query string spells them.</summary>
public sealed class CaseListFilter
{
    /// <summary>The list view: all (default), my, recent.</summary>
    [FromQuery(Name = "view")]
    public string? View { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "status_ne")]
    public string? StatusNe { get; set; }

    [FromQuery(Name = "priority")]
    public string? Priority { get; set; }

    [FromQuery(Name = "account_id")]
    public Guid? AccountId { get; set; }

    [FromQuery(Name = "contact_id")]
    public Guid? ContactId { get; set; }

    /// <summary>"me" or a user id.</summary>
    [FromQuery(Name = "owner")]
    public string? Owner { get; set; }
}
