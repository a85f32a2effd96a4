namespace Crm.ServiceDefaults.Search;

/// <summary>One record found: what the dropdown and the results page show, and where it opens.</summary>
public sealed record SearchItem(Guid Id, string Title, string? Subtitle, string Url);
