namespace Crm.Identity.Model;

/// <summary>
/// An RSA key of the token server, kept in the database so every replica signs and decrypts alike and tokens
/// survive restarts. <see cref="Use"/> says whether it signs tokens or encrypts the server's own ones.
/// </summary>
public sealed class SigningKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    public string Id { get; set; } = "";

    public string RsaPrivateKey { get; set; } = "";

    public string Use { get; set; } = Signing;

    public DateTime CreatedAt { get; set; }
}
