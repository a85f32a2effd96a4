namespace Crm.Contracts.Sales;

public sealed record ProductSnapshot(
    Guid ProductId,
    string Name,
    decimal StandardListPrice,
    bool IsRetainerProduct,
    bool IsActive,
    int Version);

public sealed record ProductCreated(ProductSnapshot Product, Guid ChangedBy, DateTime OccurredAt);

public sealed record ProductUpdated(ProductSnapshot Product, Guid ChangedBy, DateTime OccurredAt);
