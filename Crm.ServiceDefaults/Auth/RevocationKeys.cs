namespace Crm.ServiceDefaults.Auth;

/// <summary>Redis keys of the token deny-list; Identity writes them, every service reads them on each request.</summary>
public static class RevocationKeys
{
    public static string Token(string jti) => $"crm:revoked:jti:{jti}";

    public static string Session(string sid) => $"crm:revoked:sid:{sid}";

    /// <summary>Value: unix seconds; tokens of that user issued before it are refused.</summary>
    public static string User(string userId) => $"crm:revoked:user:{userId}";
}
