using Crm.Sales.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Apis;

public sealed record CreateLeadRequest(
    string? FirstName,
    string? LastName,
    string? Company,
    string? Title,
    string? Email,
    string? Phone,
    string? Website,
    string? Address,
    LeadStatus? Status,
    LeadSource? LeadSource,
    Industry? Industry,
    string? Description)
{
    public LeadChanges ToChanges() => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        Company = Company,
        Title = Title,
        Email = Email,
        Phone = Phone,
        Website = Website,
        Address = Address,
        Status = Status,
        LeadSource = LeadSource,
        Industry = Industry,
        Description = Description,
    };
}

/// <summary>Only the fields to change plus the version they were read at.</summary>
public sealed record UpdateLeadRequest : LeadChanges
{
    public Optional<int?> Version { get; init; }
}

public sealed record ConvertLeadRequest(string? OpportunityName, Guid? AccountId);

public sealed record RecordReference(Guid Id, string Name);

public sealed record ConvertLeadResponse(RecordReference Account, RecordReference Contact, RecordReference Opportunity, bool AccountCreated);

public sealed record LeadResponse(
    Guid Id,
    string? FirstName,
    string LastName,
    string Name,
    string Company,
    string? Title,
    string? Email,
    string? Phone,
    string? Website,
    string? Address,
    LeadStatus Status,
    LeadSource? LeadSource,
    Industry? Industry,
    string? Description,
    Guid OwnerId,
    string OwnerName,
    bool IsConverted,
    Guid? ConvertedAccountId,
    Guid? ConvertedContactId,
    Guid? ConvertedOpportunityId,
    DateTime? ConvertedAt,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    string CreatedByName,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string UpdatedByName);

public sealed class LeadListItem
{
    public required Guid Id { get; init; }

    public required string? FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Name { get; init; }

    public required string Company { get; init; }

    public required string? Title { get; init; }

    public required string? Email { get; init; }

    public required string? Phone { get; init; }

    public required LeadStatus Status { get; init; }

    public required LeadSource? LeadSource { get; init; }

    public required Guid OwnerId { get; init; }

    public required string OwnerName { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required int Version { get; init; }
}
