using System.Text.Json.Serialization;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Lists;

namespace Crm.Sales.Apis;

public sealed record CreateOpportunityRequest(
    string? Name,
    OpportunityStage? Stage,
    Guid? AccountId,
    DateOnly? CloseDate,
    string? NextStep,
    string? Description,
    LeadSource? LeadSource)
{
    public OpportunityChanges ToChanges() => new()
    {
        Name = Name,
        Stage = Stage,
        AccountId = AccountId,
        CloseDate = CloseDate,
        NextStep = NextStep,
        Description = Description,
        LeadSource = LeadSource,
    };
}

/// <summary>Only the fields to change plus the version they were read at.</summary>
public sealed record UpdateOpportunityRequest : OpportunityChanges
{
    public Optional<int?> Version { get; init; }
}

public sealed record AddLineItemRequest(Guid? ProductId, int? Quantity, decimal? SalePrice);

public sealed record UpdateLineItemRequest(int? Quantity, decimal? SalePrice);

public sealed record AddContactRoleRequest(Guid? ContactId, ContactRole? Role);

public sealed record LineItemResponse(
    Guid Id,
    Guid ProductId,
    string ProductName,
    int Quantity,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal SalePrice,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal ListPrice,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalPrice,
    bool IsRetainerProduct,
    bool ProductIsActive);

public sealed record ContactRoleResponse(Guid Id, Guid ContactId, string ContactName, string? ContactTitle, ContactRole Role);

public sealed record OpportunityResponse(
    Guid Id,
    string Name,
    OpportunityStage Stage,
    int Probability,
    DateOnly? CloseDate,
    string? NextStep,
    string? Description,
    LeadSource? LeadSource,
    Guid AccountId,
    AccountReference Account,
    Guid OwnerId,
    string OwnerName,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal CalculatedAmount,
    bool IsClosed,
    bool IsWon,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    string CreatedByName,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string UpdatedByName,
    IReadOnlyList<LineItemResponse> LineItems,
    IReadOnlyList<ContactRoleResponse> ContactRoles);

/// <summary>A list row with the account's name and the amount summed from the lines.</summary>
public sealed class OpportunityListItem
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required Guid AccountId { get; init; }

    public required string AccountName { get; init; }

    public required OpportunityStage Stage { get; init; }

    public required int Probability { get; init; }

    public required DateOnly? CloseDate { get; init; }

    [JsonConverter(typeof(MoneyJsonConverter))]
    public required decimal CalculatedAmount { get; init; }

    public required Guid OwnerId { get; init; }

    public required string OwnerName { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required int Version { get; init; }
}

/// <summary>The list answer plus the total amount of every matching opportunity (the board's column totals).</summary>
public sealed record OpportunityListResponse(
    IReadOnlyList<OpportunityListItem> Items,
    int Total,
    int Page,
    int PageSize,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalAmount)
{
    public static OpportunityListResponse From(PagedResult<OpportunityListItem> page, decimal totalAmount) =>
        new(page.Items, page.Total, page.Page, page.PageSize, totalAmount);
}
