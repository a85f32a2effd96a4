using System.Text.Json.Serialization;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Apis;

public sealed record CreateProductRequest(string? Name, decimal? StandardListPrice, string? Description, bool? IsRetainerProduct)
{
    public ProductChanges ToChanges() => new()
    {
        Name = Name,
        StandardListPrice = StandardListPrice,
        Description = Description,
        IsRetainerProduct = IsRetainerProduct ?? false,
    };
}

/// <summary>Only the fields to change plus the version they were read at.</summary>
public sealed record UpdateProductRequest : ProductChanges
{
    public Optional<int?> Version { get; init; }
}

public sealed record ProductResponse(
    Guid Id,
    string Name,
    string? Description,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal StandardListPrice,
    bool IsRetainerProduct,
    bool IsActive,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ProductResponse From(Product p) =>
        new(p.Id, p.Name, p.Description, p.StandardListPrice, p.IsRetainerProduct, p.IsActive, p.Version, p.CreatedAt, p.UpdatedAt);
}
