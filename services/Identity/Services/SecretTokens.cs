using System.Security.Cryptography;
using System.Text;

namespace Crm.Identity.Services;

/// <summary>Random opaque tokens (refresh, set-password) and the hash under which they are stored.</summary>
public static class SecretTokens
{
    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
