using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.ServiceDefaults;

/// <summary>
/// Every migration must work with the release before it, which still runs beside it during a rolling redeploy
/// (docs/architecture.md, "Shipping a schema change"): an expand file takes nothing away. A contract file, the
/// second step, says so on its first line (<c>-- contract: ...</c>, naming the release that stopped using what it drops).
/// </summary>
public sealed partial class MigrationCompatibilityTests
{
    private static readonly (Regex Pattern, string Why)[] Breaking =
    [
        (DropTableOrColumn(), "drops what the previous release reads"),
        (Rename(), "renames what the previous release reads"),
        (SetNotNull(), "refuses the rows the previous release writes without the column"),
        (ChangeType(), "changes a type the previous release reads and writes"),
    ];

    public static TheoryData<string> Migrations() => [.. MigrationFiles()];

    private static List<string> MigrationFiles()
    {
        var root = RepoRoot();
        return Directory.GetFiles(Path.Combine(root, "services"), "*.sql", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "Crm.ServiceDefaults", "Migrations"), "*.sql"))
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Every_service_has_migrations_to_check() =>
        MigrationFiles().Select(m => m.Split(Path.DirectorySeparatorChar)[1]).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);

    [Theory]
    [MemberData(nameof(Migrations))]
    public void An_expand_migration_takes_nothing_away(string migration)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), migration));
        if (text.StartsWith("-- contract:", StringComparison.Ordinal))
        {
            return;
        }

        var sql = Comment().Replace(text, " ");
        var problems = Breaking.Where(b => b.Pattern.IsMatch(sql)).Select(b => $"{b.Pattern.Match(sql).Value.Trim()}: {b.Why}")
            .Concat(sql.Split(';').Where(s => NotNullColumn().IsMatch(s) && !DefaultOrGenerated().IsMatch(s))
                .Select(s => $"{s.Trim()}: a NOT NULL column without a default refuses the previous release's inserts"))
            .ToList();
        problems.ShouldBeEmpty($"{migration} breaks the release before it; ship it as expand, then contract (docs/architecture.md)");
    }

    [Theory]
    [InlineData("ALTER TABLE accounts DROP COLUMN fax;")]
    [InlineData("ALTER TABLE accounts RENAME COLUMN phone TO telephone;")]
    [InlineData("ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;")]
    [InlineData("ALTER TABLE accounts ALTER COLUMN amount TYPE bigint;")]
    [InlineData("ALTER TABLE accounts ADD COLUMN region text NOT NULL;")]
    public void The_check_recognises_a_breaking_change(string statement)
    {
        var sql = Comment().Replace(statement, " ");
        var found = Breaking.Any(b => b.Pattern.IsMatch(sql))
            || sql.Split(';').Any(s => NotNullColumn().IsMatch(s) && !DefaultOrGenerated().IsMatch(s));
        found.ShouldBeTrue();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Crm.sln not found above the test's directory.");
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bDROP\s+(TABLE|COLUMN)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DropTableOrColumn();

    [GeneratedRegex(@"\bALTER\s+TABLE\b[^;]*\bRENAME\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rename();

    [GeneratedRegex(@"\bSET\s+NOT\s+NULL\b", RegexOptions.IgnoreCase)]
    private static partial Regex SetNotNull();

    [GeneratedRegex(@"\bALTER\s+COLUMN\s+\w+\s+(SET\s+DATA\s+)?TYPE\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeType();

    [GeneratedRegex(@"\bADD\s+COLUMN\b[^;]*\bNOT\s+NULL\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotNullColumn();

    [GeneratedRegex(@"\b(DEFAULT|GENERATED)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultOrGenerated();
}
