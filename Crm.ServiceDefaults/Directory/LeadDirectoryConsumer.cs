using Crm.Contracts.Sales;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// Keeps the Lead entries of directory_records in step with Sales' lead events, once per message. A
/// converted lead stays named on what was linked to it but takes no new links (its contact does).
/// </summary>
public sealed class LeadDirectoryConsumer<TContext>(TContext db) : RecordDirectoryConsumer<TContext>(db, "lead-directory"),
    IConsumer<LeadCreated>, IConsumer<LeadUpdated>, IConsumer<LeadConverted>
    where TContext : DbContext
{
    public const string ConvertedStatus = "Converted";

    public Task Consume(ConsumeContext<LeadCreated> context) => ApplyAsync(context, nameof(LeadCreated), Entry(context.Message.Lead));

    public Task Consume(ConsumeContext<LeadUpdated> context) => ApplyAsync(context, nameof(LeadUpdated), Entry(context.Message.Lead));

    public Task Consume(ConsumeContext<LeadConverted> context) => ApplyAsync(context, nameof(LeadConverted), Entry(context.Message.Lead));

    public static DirectoryEntry Entry(LeadSnapshot l) =>
        new(RecordTypes.Lead, l.LeadId, l.Name, null, l.OwnerId, l.Status != ConvertedStatus, l.Version, l.Company);
}
