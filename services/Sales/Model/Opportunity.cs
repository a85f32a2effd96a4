using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Model;

/// <summary>
/// A deal with an account. Its amount is the sum of its lines, never stored; its probability follows
/// its stage. Lines and contact roles change through it, so every change bumps one version.
/// </summary>
public sealed class Opportunity
{
    public const int NameMax = 120;
    public const int TextMax = 32000;
    public const int NextStepMax = 255;
    public const int MaxQuantity = 100_000;

    private readonly List<OpportunityLineItem> _lineItems = [];
    private readonly List<OpportunityContactRole> _contactRoles = [];

    private Opportunity()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public OpportunityStage Stage { get; private set; }

    public DateOnly? CloseDate { get; private set; }

    public int Probability { get; private set; }

    public string? NextStep { get; private set; }

    public string? Description { get; private set; }

    public LeadSource? LeadSource { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid OwnerId { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public IReadOnlyList<OpportunityLineItem> LineItems => _lineItems;

    public IReadOnlyList<OpportunityContactRole> ContactRoles => _contactRoles;

    public decimal Amount => _lineItems.Sum(l => l.TotalPrice);

    public static Opportunity Create(OpportunityChanges f, Guid accountId, Guid ownerId, DateTime now)
    {
        var stage = f.Stage.Value!.Value;
        return new Opportunity
        {
            Id = Guid.CreateVersion7(),
            Name = f.Name.Value!.Trim(),
            Stage = stage,
            Probability = stage.Probability(),
            CloseDate = f.CloseDate.Value,
            NextStep = Clean(f.NextStep.Value),
            Description = Clean(f.Description.Value),
            LeadSource = f.LeadSource.Value,
            AccountId = accountId,
            OwnerId = ownerId,
            Version = 1,
            CreatedAt = now,
            CreatedBy = ownerId,
            UpdatedAt = now,
            UpdatedBy = ownerId,
        };
    }

    /// <summary>Applies the changed fields and answers what the stage did, for the events to publish.</summary>
    public StageChange Apply(OpportunityChanges c, Guid by, DateTime now)
    {
        var before = Stage;
        Name = c.Name.IsSet ? c.Name.Value!.Trim() : Name;
        if (c.Stage.IsSet && c.Stage.Value is { } stage)
        {
            Stage = stage;
            Probability = stage.Probability();
        }

        CloseDate = c.CloseDate.Or(CloseDate);
        NextStep = c.NextStep.IsSet ? Clean(c.NextStep.Value) : NextStep;
        Description = c.Description.IsSet ? Clean(c.Description.Value) : Description;
        LeadSource = c.LeadSource.Or(LeadSource);
        OwnerId = c.OwnerId.IsSet && c.OwnerId.Value is { } owner ? owner : OwnerId;
        Touch(by, now);
        return new StageChange(before, Stage);
    }

    /// <summary>Why the stage can't change as asked, or null.</summary>
    public string? CannotMoveTo(OpportunityStage stage) =>
        stage == OpportunityStage.ClosedWon && Stage != OpportunityStage.ClosedWon && _lineItems.Count == 0
            ? "Add at least one product before closing the opportunity as won."
            : null;

    /// <summary>Why the lines can't change now, or null: a won deal's lines are what Billing orders.</summary>
    public string? LinesLocked() =>
        Stage == OpportunityStage.ClosedWon ? "The opportunity is Closed Won; reopen it to change its products." : null;

    public OpportunityLineItem AddLine(Product product, int quantity, decimal? salePrice, Guid by, DateTime now)
    {
        var line = OpportunityLineItem.Create(Id, product.Id, quantity, salePrice ?? product.StandardListPrice, now);
        _lineItems.Add(line);
        Touch(by, now);
        return line;
    }

    public bool UpdateLine(Guid lineId, int? quantity, decimal? salePrice, Guid by, DateTime now)
    {
        var line = _lineItems.SingleOrDefault(l => l.Id == lineId);
        if (line is null)
        {
            return false;
        }

        line.Quantity = quantity ?? line.Quantity;
        line.SalePrice = salePrice ?? line.SalePrice;
        Touch(by, now);
        return true;
    }

    public OpportunityLineItem? RemoveLine(Guid lineId, Guid by, DateTime now)
    {
        var line = _lineItems.SingleOrDefault(l => l.Id == lineId);
        if (line is not null)
        {
            _lineItems.Remove(line);
            Touch(by, now);
        }

        return line;
    }

    public bool HasContact(Guid contactId) => _contactRoles.Any(r => r.ContactId == contactId);

    public void AddContactRole(Guid contactId, ContactRole role, Guid by, DateTime now)
    {
        _contactRoles.Add(OpportunityContactRole.Create(Id, contactId, role, now));
        Touch(by, now);
    }

    public OpportunityContactRole? RemoveContactRole(Guid roleId, Guid by, DateTime now)
    {
        var role = _contactRoles.SingleOrDefault(r => r.Id == roleId);
        if (role is not null)
        {
            _contactRoles.Remove(role);
            Touch(by, now);
        }

        return role;
    }

    public static void Validate(ValidationErrors errors, OpportunityChanges f, bool creating)
    {
        if (creating || f.Name.IsSet)
        {
            errors.Required("name", f.Name.Value, "Opportunity Name");
        }

        if ((creating || f.Stage.IsSet) && f.Stage.Value is null)
        {
            errors.Add("stage", "Stage is required.");
        }

        if ((creating || f.AccountId.IsSet) && f.AccountId.Value is null)
        {
            errors.Add("account_id", "Account is required.");
        }

        errors.MaxLength("name", f.Name.Value?.Trim(), NameMax, "Opportunity Name")
            .MaxLength("next_step", f.NextStep.Value, NextStepMax, "Next Step")
            .MaxLength("description", f.Description.Value, TextMax, "Description");
        if (f.OwnerId.IsSet && f.OwnerId.Value is null)
        {
            errors.Add("owner_id", "Opportunity Owner is required.");
        }
    }

    public static void ValidateLine(ValidationErrors errors, int? quantity, decimal? salePrice, bool creating)
    {
        if (creating && quantity is null)
        {
            errors.Add("quantity", "Quantity is required.");
        }

        if (quantity is { } q && (q < 1 || q > MaxQuantity))
        {
            errors.Add("quantity", $"Quantity must be between 1 and {MaxQuantity:N0}.");
        }

        Money.Check(errors, "sale_price", salePrice, "Sales Price");
    }

    private void Touch(Guid by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The stage before and after a change.</summary>
public readonly record struct StageChange(OpportunityStage Before, OpportunityStage After)
{
    public bool ClosedWon => Before != OpportunityStage.ClosedWon && After == OpportunityStage.ClosedWon;

    public bool Reopened => Before == OpportunityStage.ClosedWon && After != OpportunityStage.ClosedWon;
}

/// <summary>The editable fields of an opportunity: absent fields stay as they are.</summary>
public record OpportunityChanges
{
    public Optional<string?> Name { get; init; }

    public Optional<OpportunityStage?> Stage { get; init; }

    public Optional<DateOnly?> CloseDate { get; init; }

    public Optional<string?> NextStep { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<LeadSource?> LeadSource { get; init; }

    public Optional<Guid?> AccountId { get; init; }

    public Optional<Guid?> OwnerId { get; init; }
}
