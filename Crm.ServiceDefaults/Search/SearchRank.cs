namespace Crm.ServiceDefaults.Search;

/// <summary>How well a record matched, best first: the order of the items in a group.</summary>
public static class SearchRank
{
    /// <summary>A searched field equals the text ("acme" finds "Acme").</summary>
    public const int Exact = 0;

    /// <summary>A field starts with it ("acme" finds "Acme Studio").</summary>
    public const int Prefix = 1;

    /// <summary>A word of a field starts with it ("acme" finds "Studio Acme", "hello@acme.io").</summary>
    public const int WordStart = 2;

    /// <summary>It is inside a word ("acme" finds "Bigacme").</summary>
    public const int Inside = 3;

    /// <summary>A word of a field is one typo away from it ("acmee" finds "Acme Studio").</summary>
    public const int Close = 4;
}
