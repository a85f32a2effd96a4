using Crm.Identity.Model;

namespace Crm.Identity.Apis;

public sealed record CreateApiClientRequest(string? Name, string? Role);

public sealed record UpdateApiClientRequest(string? Name, string? Role, bool? IsActive, int? Version);

public sealed record ApiClientResponse(
    Guid Id,
    string ClientId,
    string Name,
    string Role,
    bool IsActive,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    DateTime UpdatedAt,
    Guid UpdatedBy)
{
    public static ApiClientResponse From(ApiClient c) =>
        new(c.Id, c.ClientId, c.Name, c.Role, c.IsActive, c.Version, c.CreatedAt, c.CreatedBy, c.UpdatedAt, c.UpdatedBy);
}

/// <summary>The client with its secret: answered once, on creation and on rotation, and never again.</summary>
public sealed record ApiClientWithSecretResponse(
    Guid Id,
    string ClientId,
    string ClientSecret,
    string Name,
    string Role,
    bool IsActive,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ApiClientWithSecretResponse From(ApiClient c, string secret) =>
        new(c.Id, c.ClientId, secret, c.Name, c.Role, c.IsActive, c.Version, c.CreatedAt, c.UpdatedAt);
}
