using System.Diagnostics;

namespace Crm.ServiceDefaults.Messaging;

/// <summary>An integration event waiting to be published; written in the same transaction as the change.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }

    public Guid MessageId { get; private set; }

    public string MessageType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTime OccurredAt { get; private set; }

    public DateTime? DispatchedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The W3C traceparent of the change that raised the event; its publish continues that trace.</summary>
    public string? TraceParent { get; private set; }

    public static OutboxMessage Create(object message, string payload, DateTime now) => new()
    {
        MessageId = Guid.CreateVersion7(),
        MessageType = message.GetType().FullName!,
        Payload = payload,
        OccurredAt = now,
        TraceParent = Activity.Current?.Id,
    };

    public void MarkDispatched(DateTime now) => DispatchedAt = now;

    public void MarkFailed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + RetryBackoff.After(Attempts);
    }
}
