using Crm.ServiceDefaults.Auth;

namespace Crm.Identity.Model;

/// <summary>
/// An integration that calls the API as itself (Salesforce's connected app): it gets tokens with the OAuth client
/// credentials grant and acts with the role it was given. Its secret lives hashed in OpenIddict's application
/// entry under <see cref="ClientId"/>. Disabled, never deleted.
/// </summary>
public sealed class ApiClient
{
    private ApiClient()
    {
    }

    /// <summary>The <c>sub</c> of its tokens: what audit fields record as creator or editor.</summary>
    public Guid Id { get; private set; }

    public string ClientId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Role { get; private set; } = Roles.User;

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    /// <summary>The e-mail its tokens carry: a reserved domain, so it can never be a real address.</summary>
    public string TokenEmail => $"{ClientId}@api-clients.invalid";

    public static ApiClient Create(string name, string role, Guid createdBy, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ClientId = "crm_" + Guid.NewGuid().ToString("N"),
        Name = name.Trim(),
        Role = role,
        IsActive = true,
        Version = 1,
        CreatedAt = now,
        CreatedBy = createdBy,
        UpdatedAt = now,
        UpdatedBy = createdBy,
    };

    public void Update(string? name, string? role, bool? isActive, Guid by, DateTime now)
    {
        Name = name?.Trim() ?? Name;
        Role = role ?? Role;
        IsActive = isActive ?? IsActive;
        Touched(by, now);
    }

    /// <summary>A new secret is a change of the record too: whoever holds the old version must know.</summary>
    public void SecretRotated(Guid by, DateTime now) => Touched(by, now);

    private void Touched(Guid by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }
}
