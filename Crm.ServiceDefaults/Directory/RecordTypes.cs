namespace Crm.ServiceDefaults.Directory;

/// <summary>The record_type values of directory_records and recent_views: the owning service's name for the record.</summary>
public static class RecordTypes
{
    public const string Account = "Account";
    public const string Contact = "Contact";
    public const string Lead = "Lead";
    public const string Opportunity = "Opportunity";
    public const string Order = "Order";
    public const string Case = "Case";
    public const string Payment = "Payment";
    public const string Contract = "Contract";

    /// <summary>Tasks and events (one table); Recently Viewed names each by its type.</summary>
    public const string Activity = "Activity";
}
