using System.Diagnostics;
using Crm.DependencyAudit;

// ./crm audit [--report FILE]: the NuGet packages of every project (transitive ones included) checked against the
// advisories the package sources publish. Exit 1 when any is High or Critical, 2 when the check itself failed.
string json;
if (args is ["--report", var file])
{
    json = await File.ReadAllTextAsync(file);
}
else if (args.Length == 0)
{
    var start = new ProcessStartInfo("dotnet", ["list", "Crm.sln", "package", "--vulnerable", "--include-transitive", "--format", "json"])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    json = await stdout;
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine($"audit: dotnet list package --vulnerable failed (exit {process.ExitCode}):\n{await stderr}{json}");
        return 2;
    }
}
else
{
    Console.Error.WriteLine("usage: ./crm audit [--report dotnet-list-package-vulnerable.json]");
    return 2;
}

VulnerabilityReport report;
try
{
    report = VulnerabilityReport.Parse(json);
}
catch (System.Text.Json.JsonException ex)
{
    Console.Error.WriteLine($"audit: the report could not be read: {ex.Message}");
    return 2;
}

foreach (var problem in report.Problems ?? [])
{
    Console.WriteLine($"audit: {problem.Level ?? "note"}: {problem.Project} {problem.Text}");
}

var findings = report.Findings().OrderByDescending(f => f.IsBlocking).ThenBy(f => f.Package, StringComparer.Ordinal).ThenBy(f => f.Project, StringComparer.Ordinal).ToList();
foreach (var f in findings)
{
    Console.WriteLine($"audit: {f.Severity,-8} {f.Package} {f.Version}{(f.Transitive ? " (transitive)" : "")} in {f.Project} ({f.Framework}): {f.AdvisoryUrl}");
}

var blocking = findings.Where(f => f.IsBlocking).Select(f => $"{f.Package} {f.Version}").Distinct().ToList();
var projects = report.Projects?.Count ?? 0;
if (blocking.Count > 0)
{
    Console.WriteLine($"audit: {blocking.Count} package(s) with High or Critical advisories: {string.Join(", ", blocking)}. Upgrade them in Directory.Packages.props (a transitive one: pin a fixed version there).");
    return 1;
}

Console.WriteLine($"audit: {projects} project(s) checked, {findings.Count} advisory(ies), none High or Critical.");
return 0;
