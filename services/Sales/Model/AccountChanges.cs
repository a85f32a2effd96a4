using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Model;

/// <summary>The editable fields of an account as a client sends them: absent fields stay as they are.</summary>
public record AccountChanges
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Phone { get; init; }

    public Optional<string?> Website { get; init; }

    public Optional<AccountType?> Type { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<string?> BillingAddress { get; init; }

    public Optional<string?> ShippingAddress { get; init; }

    public Optional<Guid?> ParentAccountId { get; init; }

    public Optional<Guid?> OwnerId { get; init; }

    public Optional<bool?> IsActive { get; init; }
}

/// <summary>The fields of a new account.</summary>
public sealed record AccountFields(
    string? Name,
    string? Phone,
    string? Website,
    AccountType? Type,
    string? Description,
    string? BillingAddress,
    string? ShippingAddress,
    Guid? ParentAccountId)
{
    public AccountChanges AsChanges() => new()
    {
        Name = Name,
        Phone = Phone,
        Website = Website,
        Type = Type,
        Description = Description,
        BillingAddress = BillingAddress,
        ShippingAddress = ShippingAddress,
        ParentAccountId = ParentAccountId,
    };
}
