using System.Security.Cryptography;
using Crm.Identity.Services;

namespace Crm.Identity.Model;

/// <summary>How recovery codes look, are compared and stored.</summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>Longer than any code we issue: what is past it is not a code, so it is refused before hashing.</summary>
    public const int MaxInputLength = 64;

    // No 0/o, 1/l/i: the codes are read off paper and typed back.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int GroupLength = 5;

    /// <summary>Ten codes like <c>k7m2p-x9qra</c>: 10 characters of 31, about 50 bits each, enough for a single use.</summary>
    public static IReadOnlyList<string> New() =>
        Enumerable.Range(0, Count).Select(_ => $"{RandomGroup()}-{RandomGroup()}").ToList();

    /// <summary>Lower case without spaces or dashes, so "K7M2P X9QRA" matches what was issued.</summary>
    public static string Normalize(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToLowerInvariant).ToArray());

    public static string Hash(string code) => SecretTokens.Hash(Normalize(code));

    private static string RandomGroup() =>
        new(Enumerable.Range(0, GroupLength).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());
}
