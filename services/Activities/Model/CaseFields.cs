using Crm.ServiceDefaults.Json;

namespace Crm.Activities.Model;

/// <summary>A case as it is (or is to be) saved: a new one as sent, or a stored one with the changes merged in.</summary>
public record CaseFields
{
    public string? Subject { get; init; }

    public string? Description { get; init; }

    public CaseStatus? Status { get; init; }

    public CasePriority? Priority { get; init; }

    public Guid? AccountId { get; init; }

    public Guid? ContactId { get; init; }

    public Guid? OwnerId { get; init; }

    /// <summary>These fields with the present ones of <paramref name="changes"/> (absent: kept; null: cleared).</summary>
    public CaseFields Merge(CaseChanges changes) => this with
    {
        Subject = changes.Subject.Or(Subject),
        Description = changes.Description.Or(Description),
        Status = changes.Status.Or(Status),
        Priority = changes.Priority.Or(Priority),
        AccountId = changes.AccountId.Or(AccountId),
        ContactId = changes.ContactId.Or(ContactId),
        OwnerId = changes.OwnerId.Or(OwnerId),
    };
}

/// <summary>The editable fields of a case as a client sends them: absent fields stay as they are.</summary>
public record CaseChanges
{
    public Optional<string?> Subject { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<CaseStatus?> Status { get; init; }

    public Optional<CasePriority?> Priority { get; init; }

    public Optional<Guid?> AccountId { get; init; }

    public Optional<Guid?> ContactId { get; init; }

    public Optional<Guid?> OwnerId { get; init; }
}
