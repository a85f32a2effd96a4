using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Model;

/// <summary>A prospect not yet qualified into an account. Once converted it is read-only history.</summary>
public sealed class Lead
{
    public const int NameMax = 80;
    public const int CompanyMax = 255;
    public const int TextMax = 32000;

    private Lead()
    {
    }

    public Guid Id { get; private set; }

    public string? FirstName { get; private set; }

    public string LastName { get; private set; } = "";

    public string Company { get; private set; } = "";

    public string? Title { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Website { get; private set; }

    public string? Address { get; private set; }

    public LeadStatus Status { get; private set; }

    public LeadSource? LeadSource { get; private set; }

    public Industry? Industry { get; private set; }

    public string? Description { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid? ConvertedAccountId { get; private set; }

    public Guid? ConvertedContactId { get; private set; }

    public Guid? ConvertedOpportunityId { get; private set; }

    public DateTime? ConvertedAt { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public bool IsConverted => Status == LeadStatus.Converted;

    public string FullName => $"{FirstName} {LastName}".Trim();

    public static Lead Create(LeadChanges f, Guid ownerId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        FirstName = Clean(f.FirstName.Value),
        LastName = f.LastName.Value!.Trim(),
        Company = f.Company.Value!.Trim(),
        Title = Clean(f.Title.Value),
        Email = Clean(f.Email.Value),
        Phone = Clean(f.Phone.Value),
        Website = Clean(f.Website.Value),
        Address = Clean(f.Address.Value),
        Status = f.Status.Value!.Value,
        LeadSource = f.LeadSource.Value,
        Industry = f.Industry.Value,
        Description = Clean(f.Description.Value),
        OwnerId = ownerId,
        Version = 1,
        CreatedAt = now,
        CreatedBy = ownerId,
        UpdatedAt = now,
        UpdatedBy = ownerId,
    };

    public void Apply(LeadChanges c, Guid by, DateTime now)
    {
        FirstName = c.FirstName.IsSet ? Clean(c.FirstName.Value) : FirstName;
        LastName = c.LastName.IsSet ? c.LastName.Value!.Trim() : LastName;
        Company = c.Company.IsSet ? c.Company.Value!.Trim() : Company;
        Title = c.Title.IsSet ? Clean(c.Title.Value) : Title;
        Email = c.Email.IsSet ? Clean(c.Email.Value) : Email;
        Phone = c.Phone.IsSet ? Clean(c.Phone.Value) : Phone;
        Website = c.Website.IsSet ? Clean(c.Website.Value) : Website;
        Address = c.Address.IsSet ? Clean(c.Address.Value) : Address;
        Status = c.Status.IsSet && c.Status.Value is { } status ? status : Status;
        LeadSource = c.LeadSource.Or(LeadSource);
        Industry = c.Industry.Or(Industry);
        Description = c.Description.IsSet ? Clean(c.Description.Value) : Description;
        OwnerId = c.OwnerId.IsSet && c.OwnerId.Value is { } owner ? owner : OwnerId;
        Touch(by, now);
    }

    /// <summary>Records the conversion; the lead is read-only from now on.</summary>
    public void MarkConverted(Guid accountId, Guid contactId, Guid opportunityId, Guid by, DateTime now)
    {
        Status = LeadStatus.Converted;
        ConvertedAccountId = accountId;
        ConvertedContactId = contactId;
        ConvertedOpportunityId = opportunityId;
        ConvertedAt = now;
        Touch(by, now);
    }

    public static void Validate(ValidationErrors errors, LeadChanges f, bool creating)
    {
        if (creating || f.LastName.IsSet)
        {
            errors.Required("last_name", f.LastName.Value, "Last Name");
        }

        if (creating || f.Company.IsSet)
        {
            errors.Required("company", f.Company.Value, "Company");
        }

        if ((creating || f.Status.IsSet) && f.Status.Value is null)
        {
            errors.Add("status", "Lead Status is required.");
        }

        if (f.Status.Value == LeadStatus.Converted)
        {
            errors.Add("status", "Use Convert to convert a lead.");
        }

        errors.MaxLength("first_name", f.FirstName.Value, NameMax, "First Name")
            .MaxLength("last_name", f.LastName.Value?.Trim(), NameMax, "Last Name")
            .MaxLength("company", f.Company.Value?.Trim(), CompanyMax, "Company")
            .MaxLength("title", f.Title.Value, 128, "Title")
            .MaxLength("email", f.Email.Value, 254, "Email")
            .MaxLength("phone", f.Phone.Value, 40, "Phone")
            .MaxLength("website", f.Website.Value, 255, "Website")
            .MaxLength("address", f.Address.Value, 1000, "Address")
            .MaxLength("description", f.Description.Value, TextMax, "Description")
            .Email("email", Clean(f.Email.Value));
        if (f.OwnerId.IsSet && f.OwnerId.Value is null)
        {
            errors.Add("owner_id", "Lead Owner is required.");
        }
    }

    private void Touch(Guid by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The editable fields of a lead: absent fields stay as they are.</summary>
public record LeadChanges
{
    public Optional<string?> FirstName { get; init; }

    public Optional<string?> LastName { get; init; }

    public Optional<string?> Company { get; init; }

    public Optional<string?> Title { get; init; }

    public Optional<string?> Email { get; init; }

    public Optional<string?> Phone { get; init; }

    public Optional<string?> Website { get; init; }

    public Optional<string?> Address { get; init; }

    public Optional<LeadStatus?> Status { get; init; }

    public Optional<LeadSource?> LeadSource { get; init; }

    public Optional<Industry?> Industry { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<Guid?> OwnerId { get; init; }
}
