using System.Text.RegularExpressions;

namespace Crm.Gateway.Spa;

/// <summary>
/// Vite fingerprints what it emits under <c>/assets/</c> (<c>index-B1a2c3D4.js</c>): such a file never
/// changes, so browsers may keep it forever. Everything else, index.html above all, is revalidated
/// so a deploy shows up on the next load.
/// </summary>
public static partial class SpaCachePolicy
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    public static string For(PathString path) => IsFingerprinted(path) ? Immutable : Revalidate;

    public static bool IsFingerprinted(PathString path) =>
        path.StartsWithSegments("/assets") && Fingerprint().IsMatch(path.Value ?? string.Empty);

    [GeneratedRegex(@"[.-][A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$")]
    private static partial Regex Fingerprint();
}
