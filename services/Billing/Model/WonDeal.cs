using System.Text.Json;

namespace Crm.Billing.Model;

/// <summary>One product of a won deal as sold: what an order line is copied from.</summary>
public sealed record WonLine(Guid LineItemId, Guid ProductId, string ProductName, int Quantity, decimal SalePrice, bool IsRetainerProduct);

/// <summary>
/// A deal Sales reported as Closed Won, with a snapshot of its lines: what "Generate Order" copies.
/// Kept in step with Sales' events by the opportunity's version, so a late or repeated event never
/// overwrites a newer one. Once an order exists, the snapshot stays as the order was made from it.
/// </summary>
public sealed class WonDeal
{
    private static readonly JsonSerializerOptions LineJson = new(JsonSerializerDefaults.Web);

    private WonDeal()
    {
    }

    public Guid OpportunityId { get; private set; }

    public string OpportunityName { get; private set; } = "";

    public Guid AccountId { get; private set; }

    public string AccountName { get; private set; } = "";

    public DateTime ClosedAt { get; private set; }

    /// <summary>The lines as jsonb; read them through <see cref="Lines"/>.</summary>
    public string LinesJson { get; private set; } = "[]";

    public bool HasRetainer { get; private set; }

    /// <summary>True while the opportunity stands Closed Won (open for ordering); false once reopened.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>The opportunity's version in the latest event applied.</summary>
    public int Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<WonLine> Lines => JsonSerializer.Deserialize<List<WonLine>>(LinesJson, LineJson) ?? [];

    public static WonDeal New(Guid opportunityId) => new() { OpportunityId = opportunityId };

    /// <summary>The deal was (re-)won. The lines are replaced only while no order was generated from them.</summary>
    /// <returns>false when the event is older than what is held.</returns>
    public bool Won(int version, string opportunityName, Guid accountId, string accountName, IReadOnlyList<WonLine> lines, bool hasOrder, DateTime closedAt, DateTime now)
    {
        if (version <= Version)
        {
            return false;
        }

        (Version, OpportunityName, AccountId, IsOpen, UpdatedAt) = (version, opportunityName, accountId, true, now);
        if (!string.IsNullOrEmpty(accountName))
        {
            AccountName = accountName;
        }

        if (!hasOrder)
        {
            LinesJson = JsonSerializer.Serialize(lines, LineJson);
            HasRetainer = lines.Any(l => l.IsRetainerProduct);
            ClosedAt = closedAt.Kind switch
            {
                DateTimeKind.Local => closedAt.ToUniversalTime(),
                DateTimeKind.Unspecified => DateTime.SpecifyKind(closedAt, DateTimeKind.Utc),
                _ => closedAt,
            };
        }

        return true;
    }

    /// <summary>The opportunity left Closed Won: no order can be generated from it until it is won again.</summary>
    public bool Reopened(int version, string opportunityName, Guid accountId, DateTime now)
    {
        if (version <= Version)
        {
            return false;
        }

        (Version, OpportunityName, AccountId, IsOpen, UpdatedAt) = (version, opportunityName, accountId, false, now);
        if (ClosedAt == default)
        {
            ClosedAt = now;
        }

        return true;
    }
}
