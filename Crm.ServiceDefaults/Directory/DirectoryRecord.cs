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

    /// <summary>Applies a copy unless the one held is as new or newer (events may arrive out of order or twice).</summary>
    public bool Apply(string name, Guid? accountId, Guid? ownerId, bool isActive, int version, DateTime now)
    {
        if (Version >= version)
        {
            return false;
        }

        (Name, AccountId, OwnerId, IsActive, Version, UpdatedAt) = (name, accountId, ownerId, isActive, version, now);
        return true;
    }
}

public static class RecordTypes
{
    public const string Account = "Account";
}
