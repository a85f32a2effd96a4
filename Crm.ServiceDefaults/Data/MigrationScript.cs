using System.Reflection;

namespace Crm.ServiceDefaults.Data;

/// <summary>One versioned SQL file embedded in an assembly; applied once, in order of <see cref="Id"/>.</summary>
public sealed record MigrationScript(string Id, string Sql)
{
    /// <summary>Embedded *.sql resources whose name contains <paramref name="folder"/>, named "{prefix}/{file name}".</summary>
    public static IEnumerable<MigrationScript> FromAssembly(Assembly assembly, string folder, string prefix)
    {
        var marker = "." + folder.Replace('/', '.') + ".";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(marker, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var file = name[(name.LastIndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
            yield return new MigrationScript($"{prefix}/{file}", reader.ReadToEnd());
        }
    }
}
