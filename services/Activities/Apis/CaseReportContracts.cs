using Crm.Activities.Model;

namespace Crm.Activities.Apis;

/// <summary>
/// Cases at a glance: counts by status and by priority (every value listed, empty ones with 0), the accounts
/// with the most open cases, and the median hours from opening to closing of the cases closed in the period
/// (null when none closed).
/// </summary>
public sealed record CaseReport(
    IReadOnlyList<CaseStatusCount> ByStatus,
    IReadOnlyList<CasePriorityCount> ByPriority,
    IReadOnlyList<CaseAccountCount> TopAccounts,
    double? MedianHoursToClose)
{
    /// <summary>How many accounts <c>top_accounts</c> names at most.</summary>
    public const int TopAccountCount = 10;

    public static IReadOnlyList<CaseStatusCount> AllStatuses(IReadOnlyCollection<CaseStatusCount> found) =>
        Enum.GetValues<CaseStatus>().Select(s => found.SingleOrDefault(f => f.Status == s) ?? new CaseStatusCount(s, 0)).ToList();

    public static IReadOnlyList<CasePriorityCount> AllPriorities(IReadOnlyCollection<CasePriorityCount> found) =>
        Enum.GetValues<CasePriority>().Select(p => found.SingleOrDefault(f => f.Priority == p) ?? new CasePriorityCount(p, 0)).ToList();
}

public sealed record CaseStatusCount(CaseStatus Status, int Count);

public sealed record CasePriorityCount(CasePriority Priority, int Count);

public sealed record CaseAccountCount(Guid AccountId, string AccountName, int OpenCount);
