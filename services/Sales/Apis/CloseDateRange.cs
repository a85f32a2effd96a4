using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Lists;

namespace Crm.Sales.Apis;

/// <summary>
/// The <c>close_from</c> / <c>close_to</c> filter of the opportunity list and the pipeline report, both days
/// included; an opportunity without a close date falls outside any range given.
/// </summary>
public static class CloseDateRange
{
    public static (DateOnly? From, DateOnly? To) Parse(string? from, string? to, ValidationErrors errors) =>
        DateFilter.ParseRange(from, to, ("close_from", "Close from"), ("close_to", "Close to"), errors);
}
