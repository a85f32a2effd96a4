using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Model;

/// <summary>The editable fields of a contact as a client sends them: absent fields stay as they are.</summary>
public record ContactChanges
{
    public Optional<string?> FirstName { get; init; }

    public Optional<string?> LastName { get; init; }

    public Optional<string?> Title { get; init; }

    public Optional<string?> Email { get; init; }

    public Optional<string?> Phone { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<Guid?> ReportsToId { get; init; }

    public Optional<Guid?> AccountId { get; init; }

    public Optional<Guid?> OwnerId { get; init; }

    public Optional<bool?> IsActive { get; init; }
}
