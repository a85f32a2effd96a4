using System.Text.Json.Serialization;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Billing.Apis;

/// <summary>Generate Contract: dates and cycle required; the price per cycle defaults to the retainer lines.</summary>
public sealed record GenerateContractRequest(
    DateOnly? StartDate,
    DateOnly? EndDate,
    BillingCycle? BillingCycle,
    decimal? PricePerCycle,
    string? Notes);

/// <summary>Only the fields to change (end_date, status Terminated, notes) plus the version they were read at.</summary>
public sealed record UpdateContractRequest : ContractChanges
{
    public Optional<int?> Version { get; init; }
}

public sealed record ContractResponse(
    Guid Id,
    string ContractNumber,
    Guid AccountId,
    string AccountName,
    Guid OpportunityId,
    string OpportunityName,
    DateOnly StartDate,
    DateOnly EndDate,
    BillingCycle BillingCycle,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal PricePerCycle,
    ContractStatus Status,
    string? Notes,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalPaid,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    string CreatedByName,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string UpdatedByName,
    IReadOnlyList<PaymentListItem> Payments,
    DateOnly? TerminatedOn,
    IReadOnlyList<ContractPeriodResponse> Schedule);

/// <summary>One period of the contract's schedule of expected payments (derived, never stored).</summary>
public sealed record ContractPeriodResponse(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal ExpectedAmount,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal PaidAmount,
    SchedulePeriodStatus Status)
{
    public static ContractPeriodResponse From(SchedulePeriod p) => new(p.PeriodStart, p.PeriodEnd, p.ExpectedAmount, p.PaidAmount, p.Status);
}

/// <summary>A list row: the account's name joined, the status computed (Expired), what is paid summed.</summary>
public sealed class ContractListItem
{
    public required Guid Id { get; init; }

    public required string ContractNumber { get; init; }

    [JsonIgnore]
    public long Number { get; init; }

    public required Guid AccountId { get; init; }

    public required string AccountName { get; init; }

    public required Guid OpportunityId { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public required BillingCycle BillingCycle { get; init; }

    [JsonConverter(typeof(MoneyJsonConverter))]
    public required decimal PricePerCycle { get; init; }

    public required ContractStatus Status { get; init; }

    public DateOnly? TerminatedOn { get; init; }

    [JsonConverter(typeof(MoneyJsonConverter))]
    public required decimal TotalPaid { get; init; }

    public required int Version { get; init; }

    public required DateTime CreatedAt { get; init; }
}

/// <summary>
/// The 12-month retainer view: per account, Completed retainer payments summed by the month of their
/// service_period_start (<c>months</c>), and what the account's contracts' schedules expect per month of
/// their period start (<c>expected</c>); <c>overdue</c> lists the months that ended before today with
/// less paid than expected. Months without an amount are left out of every map.
/// <c>month_totals</c> and <c>total</c> sum the paid amounts over all rows.
/// </summary>
public sealed record RetainerReport(
    int Year,
    IReadOnlyList<int> Months,
    IReadOnlyList<RetainerReportRow> Rows,
    IReadOnlyDictionary<string, string> MonthTotals,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total);

public sealed record RetainerReportRow(
    Guid AccountId,
    string AccountName,
    IReadOnlyDictionary<string, string> Months,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total,
    IReadOnlyDictionary<string, string> Expected,
    IReadOnlyList<int> Overdue);
