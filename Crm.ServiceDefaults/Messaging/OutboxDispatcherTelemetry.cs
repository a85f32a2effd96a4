using System.Diagnostics;

namespace Crm.ServiceDefaults.Messaging;

/// <summary>
/// The outbox publishes after the request that raised an event has ended, on a background thread with no
/// trace of its own. Each publish gets a span whose parent is the request's trace (kept in the row), so the
/// request, MassTransit's send and the consumers in other services form one trace.
/// </summary>
public static class OutboxDispatcherTelemetry
{
    public const string ActivitySourceName = "Crm.Outbox";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    public static Activity? StartPublish(OutboxMessage row)
    {
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        var activity = Source.StartActivity($"outbox publish {ShortName(row.MessageType)}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        return activity;
    }

    private static string ShortName(string messageType) => messageType[(messageType.LastIndexOf('.') + 1)..];
}
