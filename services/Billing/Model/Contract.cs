using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.Billing.Model;

public enum BillingCycle
{
    Monthly,
    Quarterly,
    Annually,
}

/// <summary>Active and Terminated are stored; Expired is computed: an Active contract past its end date.</summary>
public enum ContractStatus
{
    Active,
    Terminated,
    Expired,
}

/// <summary>
/// A retainer agreement, generated once from a won deal that holds a retainer product. People may
/// move its end date, terminate it and keep notes; a renewal or a price change is a new contract.
/// What is paid is the sum of its Completed payments, never stored.
/// </summary>
public sealed class Contract
{
    public const int NotesMax = 32000;

    private Contract()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>From the contract_number_seq sequence; what "CTR-000123" is made of, and what sorts.</summary>
    public long Number { get; private set; }

    public string ContractNumber { get; private set; } = "";

    public Guid AccountId { get; private set; }

    public Guid OpportunityId { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public BillingCycle BillingCycle { get; private set; }

    public decimal PricePerCycle { get; private set; }

    /// <summary>As stored: Active or Terminated. Read <see cref="StatusOn"/> for what clients see.</summary>
    public ContractStatus Status { get; private set; }

    /// <summary>The day it was terminated (UTC), or null while it is not: its schedule stops there.</summary>
    public DateOnly? TerminatedOn { get; private set; }

    public string? Notes { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public static string FormatNumber(long number) => $"CTR-{number:D6}";

    /// <summary>Why no contract can be generated from this deal, or null.</summary>
    public static string? CannotGenerateFrom(WonDeal deal) =>
        !deal.IsOpen ? "The opportunity is no longer Closed Won; win it again to generate a contract."
        : !deal.Lines.Any(l => l.IsRetainerProduct) ? "The won deal has no retainer product; generate an order instead."
        : null;

    /// <summary>The default price per cycle: the retainer lines' quantity × sale price.</summary>
    public static decimal RetainerPrice(WonDeal deal) => deal.Lines.Where(l => l.IsRetainerProduct).Sum(l => l.Quantity * l.SalePrice);

    public static Contract Generate(WonDeal deal, long number, DateOnly start, DateOnly end, BillingCycle cycle, decimal pricePerCycle, string? notes, Guid by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Number = number,
        ContractNumber = FormatNumber(number),
        AccountId = deal.AccountId,
        OpportunityId = deal.OpportunityId,
        StartDate = start,
        EndDate = end,
        BillingCycle = cycle,
        PricePerCycle = pricePerCycle,
        Status = ContractStatus.Active,
        Notes = Clean(notes),
        Version = 1,
        CreatedAt = now,
        CreatedBy = by,
        UpdatedAt = now,
        UpdatedBy = by,
    };

    /// <summary>What clients see: Expired once an Active contract's end date has passed.</summary>
    public ContractStatus StatusOn(DateOnly today) => Status == ContractStatus.Active && EndDate < today ? ContractStatus.Expired : Status;

    /// <summary>Why no payment can be logged against the contract now, or null.</summary>
    public string? RefusesPayments() => Status == ContractStatus.Terminated ? "The contract is Terminated; it takes no payments." : null;

    /// <summary>Why the change can't be made in the contract's state, or null: a Terminated contract only takes notes.</summary>
    public string? Refuses(ContractChanges c) =>
        Status == ContractStatus.Terminated && ((c.EndDate.IsSet && c.EndDate.Value != EndDate) || (c.Status.IsSet && c.Status.Value != ContractStatus.Terminated))
            ? "The contract is Terminated; only its notes can change."
            : null;

    /// <summary>The expected payments per period, derived from the terms (see <see cref="ContractSchedule"/>).</summary>
    public IReadOnlyList<SchedulePeriod> Schedule(IEnumerable<(DateOnly ServicePeriodStart, decimal Amount)> completedPayments, DateOnly today) =>
        ContractSchedule.Periods(StartDate, EndDate, BillingCycle, PricePerCycle, TerminatedOn, completedPayments, today);

    /// <returns>true when anything changed.</returns>
    public bool Apply(ContractChanges c, Guid by, DateTime now)
    {
        var end = c.EndDate.IsSet && c.EndDate.Value is { } e ? e : EndDate;
        var status = c.Status.IsSet && c.Status.Value is { } s ? s : Status;
        var notes = c.Notes.IsSet ? Clean(c.Notes.Value) : Notes;
        if (end == EndDate && status == Status && notes == Notes)
        {
            return false;
        }

        if (status == ContractStatus.Terminated && Status != ContractStatus.Terminated)
        {
            TerminatedOn = DateOnly.FromDateTime(now);
        }

        (EndDate, Status, Notes, UpdatedAt, UpdatedBy) = (end, status, notes, now, by);
        Version++;
        return true;
    }

    /// <summary>Field rules for generating (<paramref name="current"/> null) or editing a contract.</summary>
    public static void Validate(ValidationErrors errors, DateOnly? start, Optional<DateOnly?> end, Optional<string?> notes, Contract? current)
    {
        var creating = current is null;
        if ((creating || end.IsSet) && end.Value is null)
        {
            errors.Add("end_date", "End Date is required.");
        }

        if ((start ?? current?.StartDate) is { } first && end.Value is { } last && last <= first)
        {
            errors.Add("end_date", "End Date must be after Start Date.");
        }

        errors.MaxLength("notes", notes.Value, NotesMax, "Notes");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What people may change on a contract: absent fields stay as they are.</summary>
public record ContractChanges
{
    public Optional<DateOnly?> EndDate { get; init; }

    public Optional<ContractStatus?> Status { get; init; }

    public Optional<string?> Notes { get; init; }
}
