using Crm.Contracts.Sales;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>Keeps the Contact entries of directory_records in step with Sales' contact events, once per message.</summary>
public sealed class ContactDirectoryConsumer<TContext>(TContext db) : RecordDirectoryConsumer<TContext>(db, "contact-directory"),
    IConsumer<ContactCreated>, IConsumer<ContactUpdated>, IConsumer<ContactDeactivated>
    where TContext : DbContext
{
    public Task Consume(ConsumeContext<ContactCreated> context) => ApplyAsync(context, nameof(ContactCreated), Entry(context.Message.Contact));

    public Task Consume(ConsumeContext<ContactUpdated> context) => ApplyAsync(context, nameof(ContactUpdated), Entry(context.Message.Contact));

    public Task Consume(ConsumeContext<ContactDeactivated> context) => ApplyAsync(context, nameof(ContactDeactivated), Entry(context.Message.Contact));

    public static DirectoryEntry Entry(ContactSnapshot c) =>
        new(RecordTypes.Contact, c.ContactId, c.Name, c.AccountId, c.OwnerId, c.IsActive, c.Version);
}
