using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Search;

namespace Crm.Activities.Apis;

/// <summary>
/// Activities' part of global search: cases by number and subject, shown with the account's name from the local
/// directory. The document is the expression indexed by migration 0005_search.sql.
/// </summary>
public static class SearchSources
{
    public static readonly SearchSource Cases = new(
        SearchTypes.Case,
        $"cases k LEFT JOIN directory_records r ON r.record_type = '{RecordTypes.Account}' AND r.id = k.account_id",
        "true",
        "lower(k.case_number || ' ' || k.subject)",
        ["lower(k.case_number)", "lower(k.subject)"],
        "k.id",
        "k.subject",
        "concat_ws(' · ', k.case_number, r.name, k.status)");

    public static readonly SearchSource[] All = [Cases];
}
