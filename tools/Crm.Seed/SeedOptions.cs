using System.Globalization;

namespace Crm.Seed;

public sealed record SeedOptions
{
    public const string Usage =
        "usage: Crm.Seed [--url http://localhost:8080] [--email admin@crm.local] [--password P] [--accounts 1000] [--seed 42]\n" +
        "                [--concurrency 12] [--owners 0] [--owner-password P] [--prefix TEXT] [--accounts-only] [--dry-run]\n" +
        "defaults: url from CRM_HTTP_PORT, email from CRM_ADMIN_EMAIL, password from CRM_ADMIN_PASSWORD or\n" +
        "<CRM_DATA_DIR or <repo>/.crm>/secrets/admin-password (the one the AppHost generated).";

    public required string Url { get; init; }

    public required string Email { get; init; }

    /// <summary>Null until resolved from the data dir (see <see cref="AdminPasswordFile"/>).</summary>
    public string? Password { get; init; }

    public int Accounts { get; init; } = 1000;

    public int Seed { get; init; } = 42;

    public int Concurrency { get; init; } = 12;

    public int Owners { get; init; }

    /// <summary>Password of the extra owners; deterministic per seed so a re-run can log in as them again.</summary>
    public string? OwnerPassword { get; init; }

    /// <summary>Put before every account and lead company name (a test finds its own records by it).</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Only owners and accounts, as before the other objects were seeded (the benchmarks' fast path).</summary>
    public bool AccountsOnly { get; init; }

    /// <summary>Print the generated request bodies (JSON lines) instead of sending them.</summary>
    public bool DryRun { get; init; }

    public string EffectiveOwnerPassword => OwnerPassword ?? $"Seed-{Seed}-owner";

    public static SeedOptions Parse(IReadOnlyList<string> args, Func<string, string?> env)
    {
        var port = NullIfEmpty(env("CRM_HTTP_PORT")) ?? "8080";
        var options = new SeedOptions
        {
            Url = $"http://localhost:{port}",
            Email = NullIfEmpty(env("CRM_ADMIN_EMAIL")) ?? "admin@crm.local",
            Password = NullIfEmpty(env("CRM_ADMIN_PASSWORD")),
        };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value.\n{Usage}"));
            int Int(int min)
            {
                var raw = Value();
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
                    ? v
                    : throw new FormatException($"{arg} '{raw}' must be a whole number >= {min}.");
            }

            options = arg switch
            {
                "--url" => options with { Url = Value().TrimEnd('/') },
                "--email" => options with { Email = Value() },
                "--password" => options with { Password = Value() },
                "--accounts" => options with { Accounts = Int(0) },
                "--seed" => options with { Seed = Int(int.MinValue) },
                "--concurrency" => options with { Concurrency = Int(1) },
                "--owners" => options with { Owners = Int(0) },
                "--owner-password" => options with { OwnerPassword = Value() },
                "--prefix" => options with { Prefix = Value() },
                "--accounts-only" => options with { AccountsOnly = true },
                "--dry-run" => options with { DryRun = true },
                "-h" or "--help" => throw new FormatException(Usage),
                _ => throw new FormatException($"unknown argument '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
    }

    /// <summary>The file where the AppHost keeps the admin password it generated (Crm.AppHost/Hosting/Secrets.cs).</summary>
    public static string AdminPasswordFile(Func<string, string?> env, string repoRoot)
    {
        var dataDir = NullIfEmpty(env("CRM_DATA_DIR")) ?? Path.Combine(repoRoot, ".crm");
        return Path.Combine(Path.GetFullPath(dataDir, repoRoot), "secrets", "admin-password");
    }

    /// <summary>The folder holding Crm.sln, from the current directory or this program's folder.</summary>
    public static string FindRepoRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CRM_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "Crm.sln")))
        {
            return Path.GetFullPath(fromEnv);
        }

        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
