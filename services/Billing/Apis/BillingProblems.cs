using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Billing.Apis;

public static class BillingProblems
{
    public const string DealNotInBillingDetail = "The won deal has not reached Billing yet; try again in a moment.";

    /// <summary>
    /// 404 for generate-order / generate-contract when Billing has no won deal for the opportunity: Closed Won
    /// reaches Billing as an event, so right after winning this is usually a matter of moments.
    /// </summary>
    public static ProblemHttpResult DealNotInBilling() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not Found",
        Detail = DealNotInBillingDetail,
        Type = "https://crm.local/problems/not-found",
    });
}
