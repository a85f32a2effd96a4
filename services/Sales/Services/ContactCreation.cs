using Crm.Sales.Apis;
using Crm.Sales.Infrastructure;
using Crm.Sales.IntegrationEvents;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Messaging;

namespace Crm.Sales.Services;

/// <summary>The one way a contact is created, by POST /contacts or by an import: the same checks, the same event.</summary>
public static class ContactCreation
{
    public static async Task CheckAsync(ValidationErrors errors, ContactChanges changes, ContactQueries queries, CancellationToken cancellationToken)
    {
        Contact.Validate(errors, changes, creating: true);
        if (changes.AccountId.Value is { } accountId)
        {
            if (!await queries.IsActiveAccountAsync(accountId, cancellationToken))
            {
                errors.Add("account_id", "Account not found.");
            }
            else
            {
                await HierarchyRule.CheckAsync(errors, "reports_to_id", HierarchyRule.ReportsTo, null, changes.ReportsToId.Value, queries.ReportsToLookup(accountId));
            }
        }

        if (changes.Email.Value is { } email && !string.IsNullOrWhiteSpace(email) && await queries.EmailTakenAsync(email, null, cancellationToken))
        {
            errors.Add("email", Contact.EmailTakenMessage);
        }
    }

    /// <summary>Adds the contact and its ContactCreated event to the unit of work (saved together, or not at all).</summary>
    public static Contact Add(SalesDbContext db, ContactChanges changes, Guid ownerId, DateTime now)
    {
        var contact = Contact.Create(changes, changes.AccountId.Value!.Value, ownerId, now);
        db.Contacts.Add(contact);
        db.AddIntegrationEvent(ContactEvents.Created(contact, now));
        return contact;
    }
}
