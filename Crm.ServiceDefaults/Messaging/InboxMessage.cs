namespace Crm.ServiceDefaults.Messaging;

/// <summary>A message a consumer has applied; its key makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public string MessageType { get; set; } = "";

    public DateTime ProcessedAt { get; set; }
}
