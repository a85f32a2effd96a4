namespace Crm.IntegrationTests.Adversarial;

/// <summary>
/// One hostile value: <see cref="Text"/> is raw JSON for a body field, or an already percent-encoded
/// string for a query or path parameter. <see cref="MustRefuse"/> marks values no endpoint may accept
/// (a 2xx for one of them is a failure, not only a 5xx).
/// </summary>
public sealed record AdversarialValue(string Class, string Text, bool MustRefuse);

/// <summary>A case about the body as a whole; <see cref="Chunked"/> sends it without a Content-Length.</summary>
public sealed record WholeBody(string Class, Func<string, string> Body, bool MustRefuse, string ContentType = "application/json", bool Chunked = false);

/// <summary>The classes of the issue: NUL and control characters, lone surrogates, 1 MB strings, numbers at and past their limits, enums as numbers or unknown names, dates out of range or impossible, wrong JSON types, null.</summary>
public static class AdversarialValues
{
    /// <summary>Just under the 1 MB body limit once quoted, so it reaches field validation rather than the size check.</summary>
    public const int BigStringLength = 1_000_000;

    /// <summary>A body just over the 1 MB limit.</summary>
    public const int OverLimitBodyLength = 1_100_000;

    /// <summary>.NET's Uri refuses anything past ~64 KB, so this is the longest query or path a client can send.</summary>
    private const int LongUrlValueLength = 60_000;

    private static readonly string BigJsonString = "\"" + new string('x', BigStringLength) + "\"";

    private static readonly AdversarialValue[] Wrong =
    [
        new("wrong type: object", "{}", true),
        new("wrong type: array", "[]", true),
    ];

    private static readonly AdversarialValue Null = new("null", "null", false);

    public static IReadOnlyList<AdversarialValue> ForBody(FieldSpec field) => field.Kind switch
    {
        FieldKind.String =>
        [
            new("NUL character", "\"a\\u0000b\"", true),
            new("only NUL", "\"\\u0000\"", true),
            new("control characters", "\"a\\u0001\\u0008\\u000b\\u001b\\u007f\\u0085b\"", false),
            new("lone high surrogate", "\"a\\ud800b\"", true),
            new("lone low surrogate", "\"\\udc00\"", true),
            new("reversed surrogate pair", "\"\\udc00\\ud800\"", true),
            new("1 MB string", BigJsonString, false),
            new("empty", "\"\"", false),
            new("whitespace", "\"  \\t \"", false),
            new("astral characters", "\"\\ud83d\\ude00 \u00e9\u4e2d\"", false),
            new("wrong type: number", "123", true),
            new("wrong type: boolean", "true", true),
            .. Wrong,
            Null,
        ],
        FieldKind.Integer =>
        [
            new("zero", "0", false),
            new("negative", "-1", false),
            new("int max", "2147483647", false),
            new("int min", "-2147483648", false),
            new("int max + 1", "2147483648", true),
            new("int min - 1", "-2147483649", true),
            new("long max + 1", "9223372036854775808", true),
            new("fraction", "1.5", true),
            new("exponent overflow", "1e400", true),
            new("numeric string", "\"12\"", false),
            new("wrong type: string", "\"abc\"", true),
            new("wrong type: boolean", "true", true),
            .. Wrong,
            Null,
        ],
        FieldKind.Number =>
        [
            new("zero", "0", false),
            new("negative", "-1", false),
            new("tiny fraction", "0.001", false),
            new("numeric(12,2) max", "9999999999.99", false),
            new("numeric(12,2) max + 1", "10000000000", false),
            new("decimal max", "79228162514264337593543950335", false),
            new("decimal max + 1", "79228162514264337593543950336", true),
            new("decimal min - 1", "-79228162514264337593543950336", true),
            new("exponent overflow", "1e400", true),
            new("exponent underflow", "1e-400", false),
            new("NaN as string", "\"NaN\"", true),
            new("Infinity as string", "\"Infinity\"", true),
            new("money string", "\"12.50\"", false),
            new("wrong type: string", "\"abc\"", true),
            new("wrong type: boolean", "true", true),
            .. Wrong,
            Null,
        ],
        FieldKind.Boolean =>
        [
            new("boolean as string", "\"true\"", true),
            new("boolean as number", "1", true),
            .. Wrong,
            Null,
        ],
        FieldKind.Uuid =>
        [
            new("empty uuid", "\"00000000-0000-0000-0000-000000000000\"", false),
            new("unknown uuid", $"\"{Guid.NewGuid()}\"", false),
            new("not a uuid", "\"not-a-uuid\"", true),
            new("empty string", "\"\"", true),
            new("NUL in uuid", "\"00000000-0000-0000-0000-00000000000\\u0000\"", true),
            new("wrong type: number", "123", true),
            .. Wrong,
            Null,
        ],
        FieldKind.Date =>
        [
            new("date 0001-01-01", "\"0001-01-01\"", true),
            new("date 9999-12-31", "\"9999-12-31\"", true),
            new("date 1899-12-31", "\"1899-12-31\"", true),
            new("date 2201-01-01", "\"2201-01-01\"", true),
            new("date 1900-01-01 (lowest allowed)", "\"1900-01-01\"", false),
            new("date 2200-12-31 (highest allowed)", "\"2200-12-31\"", false),
            new("impossible date 2026-02-30", "\"2026-02-30\"", true),
            new("impossible month 2026-13-01", "\"2026-13-01\"", true),
            new("date-time for a date", "\"2026-02-28T10:00:00Z\"", true),
            new("empty string", "\"\"", true),
            new("wrong type: number", "20260101", true),
            .. Wrong,
            Null,
        ],
        FieldKind.DateTime =>
        [
            new("date-time 0001-01-01", "\"0001-01-01T00:00:00Z\"", true),
            new("date-time 0001-01-01 east of UTC", "\"0001-01-01T00:00:00+01:00\"", true),
            new("date-time 9999-12-31", "\"9999-12-31T23:59:59.9999999Z\"", true),
            new("date-time 9999-12-31 west of UTC", "\"9999-12-31T23:00:00-05:00\"", true),
            new("date-time 1899-12-31", "\"1899-12-31T23:59:59Z\"", true),
            new("date-time 2201-01-01", "\"2201-01-01T00:00:00Z\"", true),
            new("date-time 1900-01-01 (lowest allowed)", "\"1900-01-01T00:00:00Z\"", false),
            new("date-time 2200-12-31 (highest allowed)", "\"2200-12-31T23:59:59Z\"", false),
            new("impossible date-time 2026-02-30", "\"2026-02-30T10:00:00Z\"", true),
            new("impossible hour 24", "\"2026-01-15T24:00:00Z\"", true),
            new("empty string", "\"\"", true),
            new("wrong type: number", "0", true),
            .. Wrong,
            Null,
        ],
        FieldKind.Enum =>
        [
            new("enum as number 0", "0", true),
            new("enum as number 1", "1", true),
            new("enum as number 99", "99", true),
            new("enum as negative number", "-1", true),
            new("enum as numeric string", "\"1\"", true),
            new("unknown enum name", "\"Unknown\"", true),
            new("enum name in another case", $"\"{field.EnumValues[0].ToLowerInvariant()}\"", !field.EnumValues.Contains(field.EnumValues[0].ToLowerInvariant())),
            new("enum names combined", $"\"{string.Join(", ", field.EnumValues.Take(2))}\"", true),
            new("enum name padded", $"\" {field.EnumValues[0]} \"", true),
            new("empty string", "\"\"", true),
            new("wrong type: boolean", "true", true),
            .. Wrong,
            Null,
        ],
        _ => [new("wrong type: string", "\"x\"", false), .. Wrong, Null],
    };

    /// <summary>Whole-body cases, sent once per route that takes a JSON body.</summary>
    public static IEnumerable<WholeBody> ForWholeBody()
    {
        yield return new("unknown field", valid => WithMember(valid, "\"zz_unknown_field\":\"x\""), MustRefuse: false);
        yield return new("NUL in an unknown field's name", valid => WithMember(valid, "\"zz\\u0000\":1"), MustRefuse: true);
        yield return new("duplicate field", valid => WithMember(valid, "\"zz_dup\":1,\"zz_dup\":2"), MustRefuse: false);
        yield return new("empty body", _ => "", MustRefuse: true);
        yield return new("JSON null", _ => "null", MustRefuse: true);
        yield return new("JSON array", _ => "[]", MustRefuse: true);
        yield return new("JSON string", _ => "\"text\"", MustRefuse: true);
        yield return new("JSON number", _ => "123", MustRefuse: true);
        yield return new("truncated JSON", valid => valid[..^1], MustRefuse: true);
        yield return new("nested 1000 deep", valid => WithMember(valid, "\"zz_deep\":" + new string('[', 1000) + new string(']', 1000)), MustRefuse: true);
        yield return new("body over 1 MB", OverLimit, MustRefuse: true);
        yield return new("body over 1 MB, chunked", OverLimit, MustRefuse: true, Chunked: true);
        yield return new("not JSON content type", valid => valid, MustRefuse: true, ContentType: "text/plain");
    }

    private static string OverLimit(string valid) => WithMember(valid, "\"zz_padding\":\"" + new string('x', OverLimitBodyLength) + "\"");

    /// <summary>A JSON object with one more member (raw JSON) in front of its others.</summary>
    public static string WithMember(string json, string member) =>
        json.Trim() == "{}" ? "{" + member + "}" : json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, member + ",");

    /// <summary>Query values, percent-encoded. <paramref name="isDate"/> marks parameters that take a date, where out-of-range dates must be refused.</summary>
    public static IReadOnlyList<AdversarialValue> ForQuery(FieldSpec parameter, bool isDate) =>
    [
        new("NUL character", "a%00b", true),
        new("only NUL", "%00", true),
        new("control characters", "a%01%08%0B%1B%7Fb", false),
        new("encoded lone surrogate (invalid UTF-8)", "a%ED%A0%80b", false),
        new("invalid UTF-8", "%FF%FE", false),
        new("long value (60 KB)", new string('x', LongUrlValueLength), false),
        new("4 KB value", new string('x', 4_000), false),
        new("empty", "", false),
        new("LIKE wildcards", "%25_%5C", false),
        new("SQL quote", "%27%3B--", false),
        new("zero", "0", false),
        new("negative", "-1", false),
        new("int max", "2147483647", false),
        new("int max + 1", "2147483648", false),
        new("long max + 1", "9223372036854775808", false),
        new("decimal max + 1", "79228162514264337593543950336", false),
        new("exponent", "1e400", false),
        new("date 0001-01-01", "0001-01-01", isDate),
        new("date 9999-12-31", "9999-12-31", isDate),
        new("impossible date", "2026-02-30", isDate),
        new("date-time 9999-12-31", "9999-12-31T23:59:59.9999999Z", isDate),
        new("date-time 0001-01-01 east of UTC", "0001-01-01T00:00:00%2B01:00", isDate),
        new("unknown name", "Unknown", false),
        new("enum as number", "1", false),
        new("enum name in another case", parameter.EnumValues.Count > 0 ? Uri.EscapeDataString(parameter.EnumValues[0].ToLowerInvariant()) : "closed%20won", false),
        new("not a uuid", "not-a-uuid", false),
        new("empty uuid", "00000000-0000-0000-0000-000000000000", false),
        new("boolean", "true", false),
        new("not a boolean", "maybe", false),
    ];

    /// <summary>Path segment values, percent-encoded; none names a real record, so none may succeed.</summary>
    public static IReadOnlyList<AdversarialValue> ForPath() =>
    [
        new("NUL character", "a%00b", true),
        new("control characters", "%01%1B", true),
        new("encoded lone surrogate (invalid UTF-8)", "%ED%A0%80", true),
        new("long value (60 KB)", new string('x', LongUrlValueLength), true),
        new("not a uuid", "not-a-uuid", true),
        new("empty uuid", "00000000-0000-0000-0000-000000000000", true),
        new("unknown uuid", Guid.NewGuid().ToString(), true),
        new("negative number", "-1", true),
        new("int max + 1", "2147483648", true),
        new("date 9999-12-31", "9999-12-31", true),
        new("encoded slash", "..%2F..%2Fadmin", true),
    ];
}
