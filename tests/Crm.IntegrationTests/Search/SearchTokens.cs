namespace Crm.IntegrationTests.Search;

/// <summary>
/// Words of random letters no other test's record can match, even fuzzily: the shared CRM is full of other
/// tests' records, so a search test finds only its own records by these.
/// </summary>
public static class SearchTokens
{
    private const string Letters = "bcdfghjklmnpqrstvwxz";

    /// <summary>Random consonants, capitalised: "Qzvkrtpd".</summary>
    public static string Word(int length = 9)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Letters[Random.Shared.Next(Letters.Length)];
        }

        chars[0] = char.ToUpperInvariant(chars[0]);
        return new string(chars);
    }

    /// <summary><paramref name="word"/> with the letter at <paramref name="index"/> replaced by another one: a typo.</summary>
    public static string WithTypo(string word, int index)
    {
        var replacement = word[index] == 'a' ? 'e' : 'a';
        return word[..index] + replacement + word[(index + 1)..];
    }

    public static string Digits(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('0' + Random.Shared.Next(10));
        }

        return new string(chars);
    }
}
