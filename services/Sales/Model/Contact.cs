using Crm.ServiceDefaults.Http;

namespace Crm.Sales.Model;

/// <summary>A person at a client company; always under an account. Deactivated, never deleted.</summary>
public sealed class Contact
{
    public const int NameMax = 80;
    public const int TitleMax = 128;
    public const int EmailMax = 254;
    public const int PhoneMax = 40;
    public const int DescriptionMax = 32000;

    /// <summary>An e-mail names one active contact: the search and the mail integrations find people by it.</summary>
    public const string EmailTakenMessage = "Another active contact already has this email.";

    private Contact()
    {
    }

    public Guid Id { get; private set; }

    public string? FirstName { get; private set; }

    public string LastName { get; private set; } = "";

    public string? Title { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Description { get; private set; }

    public Guid? ReportsToId { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid OwnerId { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public string FullName => $"{FirstName} {LastName}".Trim();

    public static Contact Create(ContactChanges f, Guid accountId, Guid ownerId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        FirstName = Clean(f.FirstName.Value),
        LastName = f.LastName.Value!.Trim(),
        Title = Clean(f.Title.Value),
        Email = Clean(f.Email.Value),
        Phone = Clean(f.Phone.Value),
        Description = Clean(f.Description.Value),
        ReportsToId = f.ReportsToId.Value,
        AccountId = accountId,
        OwnerId = ownerId,
        IsActive = true,
        Version = 1,
        CreatedAt = now,
        CreatedBy = ownerId,
        UpdatedAt = now,
        UpdatedBy = ownerId,
    };

    /// <summary>Applies the changed fields; returns whether the contact was deactivated by this change.</summary>
    public bool Apply(ContactChanges c, Guid by, DateTime now)
    {
        var wasActive = IsActive;
        FirstName = c.FirstName.IsSet ? Clean(c.FirstName.Value) : FirstName;
        LastName = c.LastName.IsSet ? c.LastName.Value!.Trim() : LastName;
        Title = c.Title.IsSet ? Clean(c.Title.Value) : Title;
        Email = c.Email.IsSet ? Clean(c.Email.Value) : Email;
        Phone = c.Phone.IsSet ? Clean(c.Phone.Value) : Phone;
        Description = c.Description.IsSet ? Clean(c.Description.Value) : Description;
        ReportsToId = c.ReportsToId.Or(ReportsToId);
        AccountId = c.AccountId.IsSet && c.AccountId.Value is { } account ? account : AccountId;
        OwnerId = c.OwnerId.IsSet && c.OwnerId.Value is { } owner ? owner : OwnerId;
        IsActive = c.IsActive.IsSet && c.IsActive.Value is { } active ? active : IsActive;
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
        return wasActive && !IsActive;
    }

    public static void Validate(ValidationErrors errors, ContactChanges f, bool creating)
    {
        if (creating || f.LastName.IsSet)
        {
            errors.Required("last_name", f.LastName.Value, "Last Name");
        }

        if (creating || f.AccountId.IsSet)
        {
            if (f.AccountId.Value is null)
            {
                errors.Add("account_id", "Account is required.");
            }
        }

        errors.MaxLength("first_name", f.FirstName.Value, NameMax, "First Name")
            .MaxLength("last_name", f.LastName.Value?.Trim(), NameMax, "Last Name")
            .MaxLength("title", f.Title.Value, TitleMax, "Title")
            .MaxLength("email", f.Email.Value, EmailMax, "Email")
            .MaxLength("phone", f.Phone.Value, PhoneMax, "Phone")
            .MaxLength("description", f.Description.Value, DescriptionMax, "Description")
            .Email("email", Clean(f.Email.Value));
        if (Clean(f.Phone.Value) is { } phone && !phone.Any(char.IsDigit))
        {
            errors.Add("phone", "Enter a phone number.");
        }

        if (f.OwnerId.IsSet && f.OwnerId.Value is null)
        {
            errors.Add("owner_id", "Contact Owner is required.");
        }

        if (f.IsActive.IsSet && f.IsActive.Value is null)
        {
            errors.Add("is_active", "Active must be true or false.");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
