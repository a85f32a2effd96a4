namespace Crm.Events;

/// <summary>
/// A MassTransit error queue: where a message goes once its consumer's whole retry schedule failed.
/// The message type and exception are those of the oldest message in it.
/// </summary>
public sealed record ErrorQueue(string Name, string InputQueue, uint Messages, string? MessageType, string? Exception);

/// <summary>How many messages one redrive moved from an error queue back to its input queue.</summary>
public sealed record RedriveResult(string ErrorQueue, string InputQueue, int Moved);
