using Crm.Sales.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Apis;

public sealed record CreateAccountRequest(
    string? Name,
    string? Phone,
    string? Website,
    AccountType? Type,
    string? Description,
    string? BillingAddress,
    string? ShippingAddress,
    Guid? ParentAccountId)
{
    public AccountFields ToFields() => new(Name, Phone, Website, Type, Description, BillingAddress, ShippingAddress, ParentAccountId);
}

/// <summary>Only the fields to change (null clears a field) plus the version they were read at.</summary>
public sealed record UpdateAccountRequest : AccountChanges
{
    public Optional<int?> Version { get; init; }
}

public sealed record AccountReference(Guid Id, string Name);

public sealed record AccountContactRow(Guid Id, string Name, string? Title, string? Email, string? Phone);

public sealed record AccountOpportunityRow(
    Guid Id,
    string Name,
    OpportunityStage Stage,
    DateOnly? CloseDate,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))] decimal Amount);

public sealed record AccountResponse(
    Guid Id,
    string Name,
    string? Phone,
    string? Website,
    AccountType? Type,
    string? Description,
    string? BillingAddress,
    string? ShippingAddress,
    Guid? ParentAccountId,
    AccountReference? ParentAccount,
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
    IReadOnlyList<AccountContactRow> Contacts,
    IReadOnlyList<AccountOpportunityRow> Opportunities);

/// <summary>A list row; a class with settable members so EF Core can sort and page on the projection.</summary>
public sealed class AccountListItem
{
    public required Guid Id { get; init; }

    public required string Name { get; init; } = "";

    public required string? Phone { get; init; }

    public required string? Website { get; init; }

    public required AccountType? Type { get; init; }

    public required Guid OwnerId { get; init; }

    public required string OwnerName { get; init; } = "";

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    public required int Version { get; init; }
}
