namespace Crm.Contracts.Activities;

/// <summary>A support case as other services need it. Status and priority are the display strings ("In Progress").</summary>
public sealed record CaseSnapshot(
    Guid CaseId,
    string CaseNumber,
    string Subject,
    string Status,
    string Priority,
    Guid AccountId,
    Guid? ContactId,
    Guid OwnerId,
    DateTime? ClosedAt,
    int Version);

/// <summary>A case was opened.</summary>
public sealed record CaseCreated(CaseSnapshot Case, Guid ChangedBy, DateTime OccurredAt);

/// <summary>A case changed (status, priority, owner, links or text); ClosedAt says whether it is closed now.</summary>
public sealed record CaseUpdated(CaseSnapshot Case, Guid ChangedBy, DateTime OccurredAt);
