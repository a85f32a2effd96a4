namespace Crm.Seed.Plans;

/// <summary>
/// Everything one seed run creates, generated up front from the seed alone (and today's date, so the demo
/// stays current): the same seed, size and day give the same plan, whatever order the requests finish in.
/// Records refer to each other by their index in these lists.
/// </summary>
public sealed record SeedPlan(
    IReadOnlyList<OwnerDraft> Owners,
    IReadOnlyList<AccountDraft> Accounts,
    IReadOnlyList<ContactPlan> Contacts,
    IReadOnlyList<LeadPlan> Leads,
    IReadOnlyList<ProductPlan> Products,
    IReadOnlyList<OpportunityPlan> Opportunities,
    IReadOnlyList<ActivityPlan> Activities,
    IReadOnlyList<CasePlan> Cases);
