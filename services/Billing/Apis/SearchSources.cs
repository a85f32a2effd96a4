using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Search;

namespace Crm.Billing.Apis;

/// <summary>
/// Billing's part of global search: orders and contracts by their numbers (ORD-000123, CTR-000042), shown with the
/// account's name from the local directory. The documents are the expressions indexed by migration 0007_search.sql.
/// </summary>
public static class SearchSources
{
    public static readonly SearchSource Orders = new(
        SearchTypes.Order,
        $"orders o LEFT JOIN directory_records r ON r.record_type = '{RecordTypes.Account}' AND r.id = o.account_id",
        "true",
        "lower(o.order_number)",
        ["lower(o.order_number)"],
        "o.id",
        "o.order_number",
        "concat_ws(' · ', r.name, o.status)");

    public static readonly SearchSource Contracts = new(
        SearchTypes.Contract,
        $"contracts c LEFT JOIN directory_records r ON r.record_type = '{RecordTypes.Account}' AND r.id = c.account_id",
        "true",
        "lower(c.contract_number)",
        ["lower(c.contract_number)"],
        "c.id",
        "c.contract_number",
        "concat_ws(' · ', r.name, c.status)");

    public static readonly SearchSource[] All = [Orders, Contracts];
}
