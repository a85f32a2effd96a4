using Crm.ServiceDefaults.Auth;

namespace Crm.Identity.Model;

/// <summary>A person who can sign in. Deactivated, never deleted.</summary>
public sealed class User
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private User()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public string Role { get; private set; } = Roles.User;

    public bool IsActive { get; private set; }

    public string? PasswordHash { get; private set; }

    public int FailedLoginCount { get; private set; }

    public DateTime? LockoutEnd { get; private set; }

    public DateTime? LastLoginAt { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static User Create(string email, string firstName, string lastName, string role, Guid? createdBy, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = email.Trim(),
        NormalizedEmail = Normalize(email),
        FirstName = firstName.Trim(),
        LastName = lastName.Trim(),
        Role = role,
        IsActive = true,
        Version = 1,
        CreatedAt = now,
        CreatedBy = createdBy,
        UpdatedAt = now,
        UpdatedBy = createdBy,
    };

    public bool IsLockedOut(DateTime now) => LockoutEnd is { } end && end > now;

    public bool CanSignIn(DateTime now) => IsActive && PasswordHash is not null && !IsLockedOut(now);

    /// <summary>Counts a wrong password; the fifth in a row locks the account for a while.</summary>
    public void RecordFailedLogin(DateTime now)
    {
        FailedLoginCount++;
        if (FailedLoginCount >= MaxFailedLogins)
        {
            LockoutEnd = now + LockoutDuration;
            FailedLoginCount = 0;
        }
    }

    public void RecordSuccessfulLogin(DateTime now)
    {
        FailedLoginCount = 0;
        LockoutEnd = null;
        LastLoginAt = now;
    }

    public void SetPasswordHash(string hash, DateTime now)
    {
        PasswordHash = hash;
        FailedLoginCount = 0;
        LockoutEnd = null;
        Touch(Id, now);
    }

    public void Update(string? firstName, string? lastName, string? role, bool? isActive, Guid by, DateTime now)
    {
        FirstName = firstName?.Trim() ?? FirstName;
        LastName = lastName?.Trim() ?? LastName;
        Role = role ?? Role;
        IsActive = isActive ?? IsActive;
        Touch(by, now);
        Version++;
    }

    private void Touch(Guid by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = by;
    }
}
