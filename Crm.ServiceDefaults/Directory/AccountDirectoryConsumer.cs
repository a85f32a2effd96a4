using Crm.Contracts.Sales;
using Crm.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>Keeps the Account entries of directory_records in step with Sales' account events, once per message.</summary>
public sealed class AccountDirectoryConsumer<TContext>(TContext db) : IConsumer<AccountCreated>, IConsumer<AccountUpdated>, IConsumer<AccountDeactivated>
    where TContext : DbContext
{
    private const string Name = "account-directory";

    public Task Consume(ConsumeContext<AccountCreated> context) => ApplyAsync(context, nameof(AccountCreated), context.Message.Account);

    public Task Consume(ConsumeContext<AccountUpdated> context) => ApplyAsync(context, nameof(AccountUpdated), context.Message.Account);

    public Task Consume(ConsumeContext<AccountDeactivated> context) => ApplyAsync(context, nameof(AccountDeactivated), context.Message.Account);

    private Task ApplyAsync(ConsumeContext context, string type, AccountSnapshot account) =>
        Inbox.ApplyOnceAsync(db, context.MessageId ?? throw new InvalidOperationException("Message without id"), Name, type, async ct =>
        {
            var record = await db.Set<DirectoryRecord>().FindAsync([RecordTypes.Account, account.AccountId], ct);
            if (record is null)
            {
                record = new DirectoryRecord { RecordType = RecordTypes.Account, Id = account.AccountId };
                db.Set<DirectoryRecord>().Add(record);
            }

            record.Apply(account.Name, account.AccountId, account.OwnerId, account.IsActive, account.Version, DateTime.UtcNow);
        }, context.CancellationToken);
}
