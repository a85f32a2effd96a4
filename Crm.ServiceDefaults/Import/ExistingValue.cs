namespace Crm.ServiceDefaults.Import;

/// <summary>An existing record's value of the field an import checks for duplicates (member-init so EF Core can filter on it).</summary>
public sealed class ExistingValue
{
    public required Guid Id { get; init; }

    public required string? Value { get; init; }

    public required DateTime CreatedAt { get; init; }
}
