using Crm.Contracts.Identity;
using Crm.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>Keeps directory_users in step with Identity's UserCreated / UserUpdated events, once per message.</summary>
public sealed class UserDirectoryConsumer<TContext>(TContext db) : IConsumer<UserCreated>, IConsumer<UserUpdated>
    where TContext : DbContext
{
    private const string Name = "user-directory";

    public Task Consume(ConsumeContext<UserCreated> context)
    {
        var m = context.Message;
        return ApplyAsync(context, nameof(UserCreated), m.UserId, m.Email, m.FirstName, m.LastName, m.Role, m.IsActive, m.Version);
    }

    public Task Consume(ConsumeContext<UserUpdated> context)
    {
        var m = context.Message;
        return ApplyAsync(context, nameof(UserUpdated), m.UserId, m.Email, m.FirstName, m.LastName, m.Role, m.IsActive, m.Version);
    }

    private Task ApplyAsync(ConsumeContext context, string type, Guid id, string email, string first, string last, string role, bool active, int version) =>
        Inbox.ApplyOnceAsync(db, context.MessageId ?? throw new InvalidOperationException("Message without id"), Name, type, async ct =>
        {
            var user = await db.Set<DirectoryUser>().FindAsync([id], ct);
            if (user is null)
            {
                user = new DirectoryUser { Id = id };
                db.Set<DirectoryUser>().Add(user);
            }

            user.Apply(email, first, last, role, active, version, DateTime.UtcNow);
        }, context.CancellationToken);
}
