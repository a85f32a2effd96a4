using Crm.Activities.Model;

namespace Crm.Activities.Apis;

/// <summary>
/// One hit of the "Related To" / "Name" lookups. <c>detail</c> is the lookup's second line: "Account" for
/// an account, the account of a contact or an opportunity, the company of a lead, the number of a case or an order.
/// </summary>
public sealed record RelatedRecordResponse(LinkedRecordType Type, Guid Id, string Name, string? Detail);
