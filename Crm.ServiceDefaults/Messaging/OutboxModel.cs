using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Messaging;

public static class OutboxModel
{
    internal static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).UseIdentityAlwaysColumn();
            b.Property(m => m.Payload).HasColumnType("jsonb");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.MessageId, m.Consumer });
        });
        return modelBuilder;
    }

    /// <summary>Queues an integration event; it is saved, and so later published, only if the change is saved.</summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent)
        where TEvent : class
    {
        var payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), PayloadOptions);
        db.Set<OutboxMessage>().Add(OutboxMessage.Create(integrationEvent, payload, DateTime.UtcNow));
    }
}
