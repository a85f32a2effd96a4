namespace Crm.ServiceDefaults.Search;

/// <summary>
/// The record types global search knows, in their default order, with the service that owns each (the gateway asks
/// that service) and the web app's path for one record.
/// </summary>
public static class SearchTypes
{
    public const string Account = "Account";
    public const string Contact = "Contact";
    public const string Lead = "Lead";
    public const string Opportunity = "Opportunity";
    public const string Order = "Order";
    public const string Contract = "Contract";
    public const string Case = "Case";

    public static readonly IReadOnlyList<string> All = [Account, Contact, Lead, Opportunity, Order, Contract, Case];

    /// <summary>Type → (service discovery name, the name shown in <c>unavailable</c>).</summary>
    private static readonly Dictionary<string, SearchOwner> Owners = new(StringComparer.Ordinal)
    {
        [Account] = SearchOwner.Sales,
        [Contact] = SearchOwner.Sales,
        [Lead] = SearchOwner.Sales,
        [Opportunity] = SearchOwner.Sales,
        [Order] = SearchOwner.Billing,
        [Contract] = SearchOwner.Billing,
        [Case] = SearchOwner.Activities,
    };

    public static SearchOwner OwnerOf(string type) => Owners[type];

    /// <summary>The web app's route of a record of this type (<c>/accounts/{id}</c>...).</summary>
    public static string Url(string type, Guid id) => type switch
    {
        Opportunity => $"/opportunities/{id}",
        _ => $"/{type.ToLowerInvariant()}s/{id}",
    };
}
