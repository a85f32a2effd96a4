using Microsoft.AspNetCore.Mvc;

namespace Crm.ServiceDefaults.Lists;

/// <summary>The common list parameters: <c>q</c>, <c>sort</c> ("name" or "-name"), <c>page</c> (from 1), <c>page_size</c> (default 50, capped at 200).</summary>
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

    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
}
