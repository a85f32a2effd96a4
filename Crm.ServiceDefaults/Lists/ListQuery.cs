using Microsoft.AspNetCore.Mvc;

namespace Crm.ServiceDefaults.Lists;

/// <summary>
/// The common list parameters: <c>q</c>, <c>sort</c> ("name" or "-name"), <c>page</c> (from 1; lower reads
/// as 1), <c>page_size</c> (default 50, clamped to 1..200). The answer says which page and size it used.
/// </summary>
public sealed class ListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    [FromQuery(Name = "page_size")]
    public int? PageSize { get; set; }

    public int EffectivePage => Math.Max(1, Page ?? 1);

    public int EffectivePageSize => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>Rows before the page, in 64 bits: page 2147483647 is far past the end, not a negative OFFSET.</summary>
    public long Offset => (long)(EffectivePage - 1) * EffectivePageSize;

    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
}
