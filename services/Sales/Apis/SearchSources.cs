using Crm.ServiceDefaults.Search;

namespace Crm.Sales.Apis;

/// <summary>
/// Sales' part of global search. Each document is a column or expression with a trigram index: accounts' the account
/// list's search text (0009_list_indexes.sql), contacts' and leads' stored documents (0012_search_documents.sql),
/// opportunities' the expression indexed by 0007_search.sql (keep them equal, or the index is not used); each filter
/// is what the type's list leaves out (and the partial index's WHERE).
/// </summary>
public static class SearchSources
{
    private const string ContactName = "trim(coalesce(c.first_name, '') || ' ' || c.last_name)";
    private const string LeadName = "trim(coalesce(l.first_name, '') || ' ' || l.last_name)";

    public static readonly SearchSource Accounts = new(
        SearchTypes.Account,
        "accounts a",
        "a.is_active",
        "a.search_text",
        ["lower(a.name)", "lower(coalesce(a.phone, ''))", "lower(coalesce(a.website, ''))"],
        "a.id",
        "a.name",
        "nullif(concat_ws(' · ', a.phone, a.website), '')");

    public static readonly SearchSource Contacts = new(
        SearchTypes.Contact,
        "contacts c JOIN accounts ca ON ca.id = c.account_id",
        "c.is_active",
        "c.search_document",
        [$"lower({ContactName})", "lower(c.last_name)", "lower(coalesce(c.email, ''))", "lower(coalesce(c.phone, ''))"],
        "c.id",
        ContactName,
        "concat_ws(' · ', ca.name, c.email)");

    /// <summary>The leads list hides converted leads unless asked for that status.</summary>
    public static readonly SearchSource Leads = new(
        SearchTypes.Lead,
        "leads l",
        "l.status <> 'Converted'",
        "l.search_document",
        [$"lower({LeadName})", "lower(l.last_name)", "lower(l.company)", "lower(coalesce(l.email, ''))", "lower(coalesce(l.phone, ''))", "lower(coalesce(l.website, ''))"],
        "l.id",
        LeadName,
        "concat_ws(' · ', l.company, l.status)");

    public static readonly SearchSource Opportunities = new(
        SearchTypes.Opportunity,
        "opportunities o JOIN accounts oa ON oa.id = o.account_id",
        "true",
        "lower(o.name)",
        ["lower(o.name)"],
        "o.id",
        "o.name",
        "concat_ws(' · ', oa.name, o.stage)");

    public static readonly SearchSource[] All = [Accounts, Contacts, Leads, Opportunities];
}
