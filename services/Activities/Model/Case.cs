using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.Activities.Model;

/// <summary>
/// A client's support issue, at an account (and optionally one of its contacts), owned by a user.
/// Numbered from a sequence for people to quote; <see cref="ClosedAt"/> follows the status.
/// </summary>
public sealed class Case
{
    public const int SubjectMax = 255;
    public const int DescriptionMax = 32000;

    /// <summary>The first number the case_number_seq sequence hands out.</summary>
    public const long FirstNumber = 1001;

    private Case()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>From the case_number_seq sequence; what <see cref="CaseNumber"/> is made of, and what sorts.</summary>
    public long Number { get; private set; }

    public string CaseNumber { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string? Description { get; private set; }

    public CaseStatus Status { get; private set; }

    public CasePriority Priority { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid? ContactId { get; private set; }

    public Guid OwnerId { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    /// <summary>"00001001": eight digits, as Salesforce shows case numbers.</summary>
    public static string FormatNumber(long number) => number.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new case from fields that passed <see cref="Validate"/> (the owner already defaulted).</summary>
    public static Case Open(CaseFields fields, long number, Guid by, DateTime now)
    {
        var c = new Case
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            CaseNumber = FormatNumber(number),
            Version = 1,
            CreatedAt = now,
            CreatedBy = by,
            UpdatedAt = now,
            UpdatedBy = by,
        };
        c.Set(fields, now);
        return c;
    }

    /// <summary>Saves the merged fields (they passed <see cref="Validate"/>).</summary>
    public void Apply(CaseFields fields, Guid by, DateTime now)
    {
        Set(fields, now);
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }

    public CaseFields ToFields() => new()
    {
        Subject = Subject,
        Description = Description,
        Status = Status,
        Priority = Priority,
        AccountId = AccountId,
        ContactId = ContactId,
        OwnerId = OwnerId,
    };

    /// <summary>How the case appears in the record directory, so activities can be related to it and lookups find it.</summary>
    public DirectoryEntry ToDirectoryEntry() => new(RecordTypes.Case, Id, Subject, AccountId, OwnerId, true, Version, CaseNumber);

    /// <summary>The rules of a whole case (new, or stored with changes merged), each broken one under its field.</summary>
    public static void Validate(ValidationErrors errors, CaseFields f)
    {
        errors.Required("subject", f.Subject, "Subject")
            .MaxLength("subject", f.Subject?.Trim(), SubjectMax, "Subject")
            .MaxLength("description", f.Description, DescriptionMax, "Description");
        if (f.Status is null)
        {
            errors.Add("status", "Status is required.");
        }
        else if (!Enum.IsDefined(f.Status.Value))
        {
            errors.Add("status", EnumNames.OneOfMessage<CaseStatus>("Status"));
        }

        if (f.Priority is null)
        {
            errors.Add("priority", "Priority is required.");
        }
        else if (!Enum.IsDefined(f.Priority.Value))
        {
            errors.Add("priority", EnumNames.OneOfMessage<CasePriority>("Priority"));
        }

        if (f.AccountId is null)
        {
            errors.Add("account_id", "Account is required.");
        }

        if (f.OwnerId is null)
        {
            errors.Add("owner_id", "Case Owner is required.");
        }
    }

    private void Set(CaseFields f, DateTime now)
    {
        var wasClosed = ClosedAt is not null;
        Subject = f.Subject!.Trim();
        Description = string.IsNullOrWhiteSpace(f.Description) ? null : f.Description.Trim();
        Status = f.Status!.Value;
        Priority = f.Priority!.Value;
        AccountId = f.AccountId!.Value;
        ContactId = f.ContactId;
        OwnerId = f.OwnerId!.Value;
        // Closed stamps the moment once; reopening clears it.
        ClosedAt = Status == CaseStatus.Closed ? (wasClosed ? ClosedAt : now) : null;
    }
}
