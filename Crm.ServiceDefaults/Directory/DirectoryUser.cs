namespace Crm.ServiceDefaults.Directory;

/// <summary>A service's local copy of an Identity user, to show owners' and assignees' names.</summary>
public sealed class DirectoryUser
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Role { get; set; } = "";

    public bool IsActive { get; set; }

    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();

    /// <summary>Applies a copy of the user unless the one held is as new or newer (events may arrive out of order).</summary>
    public bool Apply(string email, string firstName, string lastName, string role, bool isActive, int version, DateTime now)
    {
        if (Version >= version)
        {
            return false;
        }

        (Email, FirstName, LastName, Role, IsActive, Version, UpdatedAt) = (email, firstName, lastName, role, isActive, version, now);
        return true;
    }
}
