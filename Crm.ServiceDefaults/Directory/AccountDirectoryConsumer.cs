using Crm.Contracts.Sales;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>Keeps the Account entries of directory_records in step with Sales' account events, once per message.</summary>
public sealed class AccountDirectoryConsumer<TContext>(TContext db) : RecordDirectoryConsumer<TContext>(db, "account-directory"),
    IConsumer<AccountCreated>, IConsumer<AccountUpdated>, IConsumer<AccountDeactivated>
    where TContext : DbContext
{
    public Task Consume(ConsumeContext<AccountCreated> context) => ApplyAsync(context, nameof(AccountCreated), Entry(context.Message.Account));

    public Task Consume(ConsumeContext<AccountUpdated> context) => ApplyAsync(context, nameof(AccountUpdated), Entry(context.Message.Account));

    public Task Consume(ConsumeContext<AccountDeactivated> context) => ApplyAsync(context, nameof(AccountDeactivated), Entry(context.Message.Account));

    public static DirectoryEntry Entry(AccountSnapshot a) =>
        new(RecordTypes.Account, a.AccountId, a.Name, a.AccountId, a.OwnerId, a.IsActive, a.Version);
}
