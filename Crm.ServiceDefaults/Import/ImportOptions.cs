using Microsoft.AspNetCore.Mvc;

namespace Crm.ServiceDefaults.Import;

/// <summary><c>dry_run=true</c> checks the file and writes nothing; <c>skip_duplicates=true</c> leaves out the rows that duplicate existing records.</summary>
public sealed class ImportOptions
{
    [FromQuery(Name = "dry_run")]
    public bool? DryRun { get; set; }

    [FromQuery(Name = "skip_duplicates")]
    public bool? SkipDuplicates { get; set; }
}
