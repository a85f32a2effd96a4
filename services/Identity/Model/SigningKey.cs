namespace Crm.Identity.Model;

/// <summary>The RSA key tokens are signed with, kept in the database so every replica signs alike.</summary>
public sealed class SigningKey
{
    public string Id { get; set; } = "";

    public string RsaPrivateKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
