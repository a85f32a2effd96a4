namespace Crm.Identity.Model;

/// <summary>The organisation's security settings: one row (<see cref="SingletonId"/>), edited by admins with a version.</summary>
public sealed class SecuritySettings
{
    public const int SingletonId = 1;

    private SecuritySettings()
    {
    }

    public int Id { get; private set; }

    /// <summary>Every user must sign in with two factors; one without an authenticator enrols at the next sign-in.</summary>
    public bool RequireTwoFactor { get; private set; }

    public int Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public void Update(bool requireTwoFactor, Guid by, DateTime now)
    {
        RequireTwoFactor = requireTwoFactor;
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }
}
