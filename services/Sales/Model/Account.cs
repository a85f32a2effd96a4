using Crm.ServiceDefaults.Http;

namespace Crm.Sales.Model;

/// <summary>A client company (or prospect). Deactivated, never deleted; every change bumps <see cref="Version"/>.</summary>
public sealed class Account
{
    public const int NameMax = 255;
    public const int PhoneMax = 40;
    public const int WebsiteMax = 255;
    public const int AddressMax = 1000;
    public const int DescriptionMax = 32000;

    private Account()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Phone { get; private set; }

    public string? Website { get; private set; }

    public AccountType? Type { get; private set; }

    public string? Description { get; private set; }

    public string? BillingAddress { get; private set; }

    public string? ShippingAddress { get; private set; }

    public Guid? ParentAccountId { get; private set; }

    public Guid OwnerId { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public static Account Create(AccountFields fields, Guid ownerId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = fields.Name!.Trim(),
        Phone = Clean(fields.Phone),
        Website = Clean(fields.Website),
        Type = fields.Type,
        Description = Clean(fields.Description),
        BillingAddress = Clean(fields.BillingAddress),
        ShippingAddress = Clean(fields.ShippingAddress),
        ParentAccountId = fields.ParentAccountId,
        OwnerId = ownerId,
        IsActive = true,
        Version = 1,
        CreatedAt = now,
        CreatedBy = ownerId,
        UpdatedAt = now,
        UpdatedBy = ownerId,
    };

    /// <summary>Applies the changed fields; returns whether the record was deactivated by this change.</summary>
    public bool Apply(AccountChanges changes, Guid by, DateTime now)
    {
        var wasActive = IsActive;
        Name = changes.Name.IsSet ? changes.Name.Value!.Trim() : Name;
        Phone = changes.Phone.IsSet ? Clean(changes.Phone.Value) : Phone;
        Website = changes.Website.IsSet ? Clean(changes.Website.Value) : Website;
        Type = changes.Type.Or(Type);
        Description = changes.Description.IsSet ? Clean(changes.Description.Value) : Description;
        BillingAddress = changes.BillingAddress.IsSet ? Clean(changes.BillingAddress.Value) : BillingAddress;
        ShippingAddress = changes.ShippingAddress.IsSet ? Clean(changes.ShippingAddress.Value) : ShippingAddress;
        ParentAccountId = changes.ParentAccountId.Or(ParentAccountId);
        OwnerId = changes.OwnerId.IsSet && changes.OwnerId.Value is { } owner ? owner : OwnerId;
        IsActive = changes.IsActive.IsSet && changes.IsActive.Value is { } active ? active : IsActive;
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
        return wasActive && !IsActive;
    }

    /// <summary>The per-field rules shared by create and update (only fields that are present are checked).</summary>
    public static void Validate(ValidationErrors errors, AccountChanges fields, bool creating)
    {
        if (creating || fields.Name.IsSet)
        {
            errors.Required("name", fields.Name.Value, "Account Name");
        }

        errors.MaxLength("name", fields.Name.Value?.Trim(), NameMax, "Account Name")
            .MaxLength("phone", fields.Phone.Value, PhoneMax, "Phone")
            .MaxLength("website", fields.Website.Value, WebsiteMax, "Website")
            .MaxLength("description", fields.Description.Value, DescriptionMax, "Description")
            .MaxLength("billing_address", fields.BillingAddress.Value, AddressMax, "Billing Address")
            .MaxLength("shipping_address", fields.ShippingAddress.Value, AddressMax, "Shipping Address");
        if (Clean(fields.Website.Value) is { } website && !IsWebsite(website))
        {
            errors.Add("website", "Enter a website such as https://example.com.");
        }

        if (Clean(fields.Phone.Value) is { } phone && !phone.Any(char.IsDigit))
        {
            errors.Add("phone", "Enter a phone number.");
        }

        if (fields.Type.Value is { } type && !Enum.IsDefined(type))
        {
            errors.Add("type", "Type must be one of: Prospect, Customer, Partner, Other.");
        }

        if (fields.OwnerId.IsSet && fields.OwnerId.Value is null)
        {
            errors.Add("owner_id", "Account Owner is required.");
        }

        if (fields.IsActive.IsSet && fields.IsActive.Value is null)
        {
            errors.Add("is_active", "Active must be true or false.");
        }
    }

    private static bool IsWebsite(string value)
    {
        var candidate = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && !value.Contains(' ', StringComparison.Ordinal);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
