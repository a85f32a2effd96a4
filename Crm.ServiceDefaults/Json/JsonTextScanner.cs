using System.Text.Json;

namespace Crm.ServiceDefaults.Json;

/// <summary>
/// Finds the strings of a JSON document that are not storable text: a NUL character (PostgreSQL's text
/// cannot hold U+0000), an unpaired UTF-16 surrogate written as an escape ("\ud800": no UTF-8 exists
/// for it) or invalid UTF-8. Values are reported under their path ("name", "lines[0].notes"), a bad
/// field name under the object holding it ("body" at the top).
/// Malformed JSON stops the scan quietly: the model binder reports that on its own.
/// </summary>
public static class JsonTextScanner
{
    public const string NulMessage = "Text must not contain the NUL character (\\u0000).";

    public const string InvalidUnicodeMessage = "Text must be valid Unicode (no unpaired surrogates, no invalid UTF-8).";

    public static IReadOnlyList<(string Field, string Message)> FindUnstorableText(ReadOnlySpan<byte> json)
    {
        var found = new List<(string, string)>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var path = new List<string>();
        var indexes = new List<int>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Enter(path, indexes, reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        indexes.RemoveAt(indexes.Count - 1);
                        Advance(path, indexes);
                        break;
                    case JsonTokenType.PropertyName:
                        path[^1] = "";
                        path[^1] = Check(ref reader, found, path) ?? "?";
                        break;
                    case JsonTokenType.String:
                        Check(ref reader, found, path);
                        Advance(path, indexes);
                        break;
                    default:
                        Advance(path, indexes);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (or too deep): binding answers 400 for that by itself.
        }

        return found;
    }

    /// <summary>The string's text, or null after reporting why it can't be stored.</summary>
    private static string? Check(ref Utf8JsonReader reader, List<(string, string)> found, List<string> path)
    {
        try
        {
            var text = reader.GetString()!;
            // Raw UTF-8 cannot carry a NUL (a raw control character is invalid JSON); only an escape can.
            if (reader.ValueIsEscaped && text.Contains('\0', StringComparison.Ordinal))
            {
                found.Add((FieldOf(path), NulMessage));
                return null;
            }

            return text;
        }
        catch (InvalidOperationException)
        {
            found.Add((FieldOf(path), InvalidUnicodeMessage));
            return null;
        }
    }

    private static void Enter(List<string> path, List<int> indexes, bool isArray)
    {
        path.Add(isArray ? "[0]" : "");
        indexes.Add(isArray ? 0 : -1);
    }

    /// <summary>After a value inside an array, the next one is the next index.</summary>
    private static void Advance(List<string> path, List<int> indexes)
    {
        if (indexes.Count > 0 && indexes[^1] >= 0)
        {
            indexes[^1]++;
            path[^1] = $"[{indexes[^1]}]";
        }
    }

    /// <summary>"contact", "last_name" → "contact.last_name"; array indexes attach without a dot; the root is "body".</summary>
    private static string FieldOf(List<string> path)
    {
        var field = "";
        foreach (var part in path)
        {
            if (part.Length == 0)
            {
                continue;
            }

            field += part.StartsWith('[') || field.Length == 0 ? part : "." + part;
        }

        return field.Length == 0 ? "body" : field;
    }
}
