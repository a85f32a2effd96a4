using Crm.Contracts.Sales;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// Keeps the Opportunity entries of directory_records in step with Sales' opportunity events, once per
/// message. Every change publishes OpportunityUpdated (Closed Won and Reopened come with it), so these two suffice.
/// </summary>
public sealed class OpportunityDirectoryConsumer<TContext>(TContext db) : RecordDirectoryConsumer<TContext>(db, "opportunity-directory"),
    IConsumer<OpportunityCreated>, IConsumer<OpportunityUpdated>
    where TContext : DbContext
{
    public Task Consume(ConsumeContext<OpportunityCreated> context) => ApplyAsync(context, nameof(OpportunityCreated), Entry(context.Message.Opportunity));

    public Task Consume(ConsumeContext<OpportunityUpdated> context) => ApplyAsync(context, nameof(OpportunityUpdated), Entry(context.Message.Opportunity));

    public static DirectoryEntry Entry(OpportunitySnapshot o) =>
        new(RecordTypes.Opportunity, o.OpportunityId, o.Name, o.AccountId, o.OwnerId, true, o.Version);
}
