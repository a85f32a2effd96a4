namespace Crm.ServiceDefaults.Directory;

/// <summary>What an event (or the owning service itself) says a record is now; applied to the directory by version.</summary>
public sealed record DirectoryEntry(
    string RecordType,
    Guid Id,
    string Name,
    Guid? AccountId,
    Guid? OwnerId,
    bool IsActive,
    int Version,
    string? Detail = null);
