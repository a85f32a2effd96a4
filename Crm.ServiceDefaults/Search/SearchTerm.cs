using System.Text;

namespace Crm.ServiceDefaults.Search;

/// <summary>
/// What a search text becomes in SQL: compared in lower case, as LIKE patterns (wildcards escaped) and a
/// word-start regular expression (metacharacters escaped), so the user's text is only ever matched literally.
/// </summary>
public sealed record SearchTerm(string Text, string Contains, string StartsWith, string WordStart, bool Fuzzy)
{
    /// <summary>A typo is forgiven only in one word this long with a letter in it: shorter words, and numbers, would match too much.</summary>
    public const int FuzzyMinLength = 5;

    public static SearchTerm From(string q)
    {
        var text = q.Trim().ToLowerInvariant();
        var like = EscapeLike(text);
        return new SearchTerm(
            text,
            "%" + like + "%",
            like + "%",
            "(^|[^[:alnum:]])" + EscapeRegex(text),
            text.Length >= FuzzyMinLength && text.Any(char.IsLetter) && !text.Any(char.IsWhiteSpace));
    }

    /// <summary>PostgreSQL's LIKE escape is the backslash.</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Every character that is not a letter, digit or space is escaped for PostgreSQL's regular expressions.</summary>
    public static string EscapeRegex(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != ' ')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
