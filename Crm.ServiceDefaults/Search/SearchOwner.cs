namespace Crm.ServiceDefaults.Search;

/// <summary>A service that answers searches for its own record types: its service discovery name and display name.</summary>
public sealed record SearchOwner(string Service, string DisplayName)
{
    public static readonly SearchOwner Sales = new("sales", "Sales");
    public static readonly SearchOwner Billing = new("billing", "Billing");
    public static readonly SearchOwner Activities = new("activities", "Activities");

    public static readonly IReadOnlyList<SearchOwner> All = [Sales, Billing, Activities];
}
