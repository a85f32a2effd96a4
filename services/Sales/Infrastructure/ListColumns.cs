namespace Crm.Sales.Infrastructure;

/// <summary>Columns the database keeps for the lists only (shadow properties: the domain types never see them).</summary>
public static class ListColumns
{
    /// <summary>The owner's "First Last" from the user directory, '' while unknown (0009_list_indexes.sql).</summary>
    public const string OwnerName = "OwnerName";

    /// <summary>lower(name, phone, website), one per line: what the account list's q searches (0009_list_indexes.sql).</summary>
    public const string SearchText = "SearchText";
}
