using Crm.Sales.Apis;
using Crm.Sales.Infrastructure;
using Crm.Sales.IntegrationEvents;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Messaging;

namespace Crm.Sales.Services;

/// <summary>The one way an account is created, by POST /accounts or by an import: the same checks, the same event.</summary>
public static class AccountCreation
{
    public static async Task CheckAsync(ValidationErrors errors, AccountFields fields, AccountQueries queries)
    {
        Account.Validate(errors, fields.AsChanges(), creating: true);
        await HierarchyRule.CheckAsync(errors, "parent_account_id", HierarchyRule.ParentAccount, null, fields.ParentAccountId, queries.HierarchyAsync);
    }

    /// <summary>Adds the account and its AccountCreated event to the unit of work (saved together, or not at all).</summary>
    public static Account Add(SalesDbContext db, AccountFields fields, Guid ownerId, DateTime now)
    {
        var account = Account.Create(fields, ownerId, now);
        db.Accounts.Add(account);
        db.AddIntegrationEvent(AccountEvents.Created(account, now));
        return account;
    }
}
