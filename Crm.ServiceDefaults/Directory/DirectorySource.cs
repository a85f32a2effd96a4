namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// Where a directory's records come from: the owning service (its name in service discovery,
/// <c>http://&lt;name&gt;</c>, resolved from <c>services__&lt;name&gt;__http__N</c>) and the kind it lists at <see cref="Path"/>.
/// </summary>
public sealed record DirectorySource(string Service, string Kind)
{
    public string Path => $"/internal/v1/directory/sources/{Kind}";

    public static readonly DirectorySource Users = new("identity", "users");
    public static readonly DirectorySource Accounts = new("sales", "accounts");
    public static readonly DirectorySource Contacts = new("sales", "contacts");
    public static readonly DirectorySource Leads = new("sales", "leads");
    public static readonly DirectorySource Opportunities = new("sales", "opportunities");
    public static readonly DirectorySource Orders = new("billing", "orders");

    /// <summary>Every opportunity's deal state: Billing keeps the won ones (won_deals) to generate orders from.</summary>
    public static readonly DirectorySource WonDeals = new("sales", "won-deals");
}
