using Crm.Sales.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Apis;

public sealed record CreateContactRequest(
    string? FirstName,
    string? LastName,
    string? Title,
    string? Email,
    string? Phone,
    string? Description,
    Guid? ReportsToId,
    Guid? AccountId)
{
    public ContactChanges ToChanges() => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        Title = Title,
        Email = Email,
        Phone = Phone,
        Description = Description,
        ReportsToId = ReportsToId,
        AccountId = AccountId,
    };
}

/// <summary>Only the fields to change (null clears a field) plus the version they were read at.</summary>
public sealed record UpdateContactRequest : ContactChanges
{
    public Optional<int?> Version { get; init; }
}

public sealed record ContactReference(Guid Id, string Name);

/// <summary>An opportunity the contact plays a role in.</summary>
public sealed record ContactOpportunityRow(
    Guid Id,
    string Name,
    OpportunityStage Stage,
    DateOnly? CloseDate,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))] decimal Amount,
    ContactRole Role);

public sealed record ContactResponse(
    Guid Id,
    string? FirstName,
    string LastName,
    string Name,
    string? Title,
    string? Email,
    string? Phone,
    string? Description,
    Guid? ReportsToId,
    ContactReference? ReportsTo,
    Guid AccountId,
    AccountReference Account,
    Guid OwnerId,
    string OwnerName,
    bool IsActive,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    string CreatedByName,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string UpdatedByName,
    IReadOnlyList<ContactOpportunityRow> Opportunities);

/// <summary>A list row, with the account's name joined in.</summary>
public sealed class ContactListItem
{
    public required Guid Id { get; init; }

    public required string? FirstName { get; init; }

    public required string LastName { get; init; } = "";

    public required string Name { get; init; } = "";

    public required string? Title { get; init; }

    public required string? Email { get; init; }

    public required string? Phone { get; init; }

    public required Guid AccountId { get; init; }

    public required string AccountName { get; init; } = "";

    public required Guid OwnerId { get; init; }

    public required string OwnerName { get; init; } = "";

    public required DateTime CreatedAt { get; init; }

    public required int Version { get; init; }
}
