using Crm.Sales.Infrastructure;
using Crm.Sales.IntegrationEvents;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Services;

public sealed record ConversionResult(Account Account, Contact Contact, Opportunity Opportunity, bool AccountCreated);

/// <summary>
/// Turns a lead into an account (or uses an existing one), a contact and an opportunity, and marks
/// the lead Converted — all in one database transaction, so a failure at any step leaves nothing.
/// </summary>
public sealed class LeadConverter(SalesDbContext db)
{
    /// <param name="checkpoint">Called after each step (tests use it to fail in the middle).</param>
    /// <returns>null when the lead was already converted.</returns>
    public async Task<ConversionResult?> ConvertAsync(
        Guid leadId, string opportunityName, Guid? existingAccountId, Guid by, DateTime now, Action<string> checkpoint, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionScopeAsync(cancellationToken);
        // Row lock: a second conversion of the same lead waits here, then sees it converted.
        var lead = await db.Leads.FromSqlInterpolated($"SELECT * FROM leads WHERE id = {leadId} FOR UPDATE").SingleAsync(cancellationToken);
        if (lead.IsConverted)
        {
            return null;
        }

        var accountCreated = existingAccountId is null;
        Account account;
        if (existingAccountId is { } accountId)
        {
            account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        }
        else
        {
            account = Account.Create(new AccountFields(lead.Company, lead.Phone, lead.Website, AccountType.Prospect, null, lead.Address, null, null), by, now);
            db.Accounts.Add(account);
            db.AddIntegrationEvent(AccountEvents.Created(account, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        checkpoint("account");

        var contact = Contact.Create(
            new ContactChanges { FirstName = lead.FirstName, LastName = lead.LastName, Title = lead.Title, Email = lead.Email, Phone = lead.Phone },
            account.Id,
            by,
            now);
        db.Contacts.Add(contact);
        db.AddIntegrationEvent(ContactEvents.Created(contact, now));
        await db.SaveChangesAsync(cancellationToken);
        checkpoint("contact");

        var opportunity = Opportunity.Create(
            new OpportunityChanges { Name = opportunityName, Stage = OpportunityStage.Qualifying, LeadSource = lead.LeadSource },
            account.Id,
            by,
            now);
        db.Opportunities.Add(opportunity);
        db.AddIntegrationEvent(OpportunityEvents.Created(opportunity, now));
        await db.SaveChangesAsync(cancellationToken);
        checkpoint("opportunity");

        lead.MarkConverted(account.Id, contact.Id, opportunity.Id, by, now);
        db.AddIntegrationEvent(LeadEvents.Converted(lead, accountCreated, now));
        await db.SaveChangesAsync(cancellationToken);
        checkpoint("lead");

        await transaction.CommitAsync(cancellationToken);
        return new ConversionResult(account, contact, opportunity, accountCreated);
    }
}
