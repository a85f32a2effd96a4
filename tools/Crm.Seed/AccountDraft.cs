using System.Text.Json.Nodes;

namespace Crm.Seed;

/// <summary>
/// One generated account, as the body of <c>POST /api/v1/accounts</c> plus what the seeder needs to
/// send it: which owner creates it, and which earlier account (by index) is its parent.
/// </summary>
public sealed record AccountDraft
{
    /// <summary>Position in the generated list (0-based); a parent always has a smaller one.</summary>
    public required int Index { get; init; }

    /// <summary>0 is the admin the seeder logs in as; 1..K the extra owners (<c>--owners K</c>).</summary>
    public required int OwnerSlot { get; init; }

    public int? ParentIndex { get; init; }

    public required string Name { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }

    public required string Type { get; init; }

    public string? Description { get; init; }

    public string? BillingAddress { get; init; }

    public string? ShippingAddress { get; init; }

    /// <summary>The request body (snake_case, absent fields left out); the seeder adds <c>parent_account_id</c>.</summary>
    public JsonObject ToBody()
    {
        var body = new JsonObject { ["name"] = Name, ["type"] = Type };
        Add("phone", Phone);
        Add("website", Website);
        Add("description", Description);
        Add("billing_address", BillingAddress);
        Add("shipping_address", ShippingAddress);
        return body;

        void Add(string field, string? value)
        {
            if (value is not null)
            {
                body[field] = value;
            }
        }
    }
}

/// <summary>An extra user the accounts are spread over (the Account Owner column).</summary>
public sealed record OwnerDraft(int Slot, string FirstName, string LastName, string Email);
