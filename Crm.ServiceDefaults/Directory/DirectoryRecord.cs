namespace Crm.ServiceDefaults.Directory;

/// <summary>A service's local copy of a record another service owns: enough to name it, link to it and check it exists.</summary>
public sealed class DirectoryRecord
{
    public string RecordType { get; set; } = "";

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid? AccountId { get; set; }

    public Guid? OwnerId { get; set; }

    public bool IsActive { get; set; }

    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>A short second line the owner's event supplies for lookups (a lead's company, an order's or a case's number).</summary>
    public string? Detail { get; set; }

    /// <summary>Applies a copy unless the one held is as new or newer (events may arrive out of order or twice).</summary>
    public bool Apply(DirectoryEntry entry, DateTime now)
    {
        if (Version >= entry.Version)
        {
            return false;
        }

        (Name, AccountId, OwnerId, IsActive, Version, Detail, UpdatedAt) =
            (entry.Name, entry.AccountId, entry.OwnerId, entry.IsActive, entry.Version, entry.Detail, now);
        return true;
    }
}
