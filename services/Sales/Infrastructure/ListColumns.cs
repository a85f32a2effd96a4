namespace Crm.Sales.Infrastructure;

/// <summary>Columns the database keeps for the lists only (shadow properties: the domain types never see them).</summary>
public static class ListColumns
{
    /// <summary>The owner's "First Last" from the user directory, '' while unknown (0009_list_indexes.sql).</summary>
    public const string OwnerName = "OwnerName";

    /// <summary>
    /// What a list's q searches, lower case, one field per line: accounts' name, phone and website (0009_list_indexes.sql),
    /// contacts' name and account name (0010_contact_search_text.sql).
    /// </summary>
    public const string SearchText = "SearchText";
}
