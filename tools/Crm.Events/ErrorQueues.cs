using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using RabbitMQ.Client;

namespace Crm.Events;

/// <summary>
/// Lists and redrives the broker's error queues. The management API only names the queues (AMQP cannot
/// list them); counts, peeks and moves go through AMQP, whose counts are exact where the API's lag.
/// </summary>
public sealed class ErrorQueues(CrmRun run) : IAsyncDisposable
{
    public const string Suffix = "_error";

    // Set by MassTransit on a message it moves to an error queue; stripped when it goes back.
    private const string FaultHeaderPrefix = "MT-Fault-";
    private const string ReasonHeader = "MT-Reason";
    private const string InputAddressHeader = "MT-Fault-InputAddress";
    private const string ExceptionTypeHeader = "MT-Fault-ExceptionType";
    private const string ExceptionMessageHeader = "MT-Fault-Message";
    private const string MessageTypeHeader = "MT-Fault-MessageType";

    private IConnection? _connection;

    public async Task<IReadOnlyList<ErrorQueue>> ListAsync(CancellationToken ct)
    {
        var names = await ErrorQueueNamesAsync(ct);
        await using var channel = await ChannelAsync(ct);
        var queues = new List<ErrorQueue>();
        foreach (var name in names)
        {
            var declared = await channel.QueueDeclarePassiveAsync(name, ct);
            string? type = null, exception = null, input = null;
            if (declared.MessageCount > 0 && await channel.BasicGetAsync(name, autoAck: false, ct) is { } oldest)
            {
                // A peek: the message goes straight back to the head of the queue.
                await channel.BasicNackAsync(oldest.DeliveryTag, multiple: false, requeue: true, ct);
                var headers = oldest.BasicProperties.Headers;
                type = Header(headers, MessageTypeHeader);
                exception = Header(headers, ExceptionTypeHeader) is { } exceptionType
                    ? $"{exceptionType}: {Header(headers, ExceptionMessageHeader)}"
                    : null;
                input = InputQueueOf(name, Header(headers, InputAddressHeader));
            }

            queues.Add(new ErrorQueue(name, input ?? InputQueueOf(name, null), declared.MessageCount, type, exception));
        }

        return queues;
    }

    /// <summary>
    /// Moves every message now in the error queues (or in <paramref name="onlyQueue"/>) to the queue it
    /// failed on. Each is published with confirmation before it is acknowledged here, so a crash in between
    /// leaves a copy in both, which the consumers' inboxes apply once. Messages that fail again while the
    /// redrive runs land back in the error queue and wait for the next one (no loop).
    /// </summary>
    public async Task<IReadOnlyList<RedriveResult>> RedriveAsync(string? onlyQueue, CancellationToken ct)
    {
        var names = await ErrorQueueNamesAsync(ct);
        if (onlyQueue is not null)
        {
            var wanted = onlyQueue.EndsWith(Suffix, StringComparison.Ordinal) ? onlyQueue : onlyQueue + Suffix;
            names = names.Contains(wanted) ? [wanted] : throw new EventsException($"no error queue {wanted}");
        }

        await using var channel = await ChannelAsync(ct, confirms: true);
        var results = new List<RedriveResult>();
        foreach (var name in names)
        {
            var waiting = (await channel.QueueDeclarePassiveAsync(name, ct)).MessageCount;
            var moved = 0;
            var input = InputQueueOf(name, null);
            for (var i = 0; i < waiting && await channel.BasicGetAsync(name, autoAck: false, ct) is { } message; i++)
            {
                input = InputQueueOf(name, Header(message.BasicProperties.Headers, InputAddressHeader));
                var properties = new BasicProperties(message.BasicProperties)
                {
                    Headers = message.BasicProperties.Headers?
                        .Where(h => !h.Key.StartsWith(FaultHeaderPrefix, StringComparison.Ordinal) && h.Key != ReasonHeader)
                        .ToDictionary(h => h.Key, h => h.Value),
                };
                try
                {
                    // Mandatory: a missing input queue makes the publish fail instead of dropping the message.
                    await channel.BasicPublishAsync("", input, mandatory: true, properties, message.Body, ct);
                }
                catch (Exception ex)
                {
                    await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true, ct);
                    throw new EventsException($"could not move a message from {name} to {input}: {ex.Message}", ex);
                }

                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                moved++;
            }

            results.Add(new RedriveResult(name, input, moved));
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>The queue a message failed on: from MassTransit's header, else the error queue's name without its suffix.</summary>
    public static string InputQueueOf(string errorQueue, string? inputAddress)
    {
        if (Uri.TryCreate(inputAddress, UriKind.Absolute, out var address) && address.Segments.Length > 1)
        {
            return Uri.UnescapeDataString(address.Segments[^1].TrimEnd('/'));
        }

        return errorQueue.EndsWith(Suffix, StringComparison.Ordinal) ? errorQueue[..^Suffix.Length] : errorQueue;
    }

    private async Task<List<string>> ErrorQueueNamesAsync(CancellationToken ct)
    {
        var broker = new Uri(run.RabbitMq);
        using var http = new HttpClient { BaseAddress = new Uri(run.RabbitMqManagement.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var user = Uri.UnescapeDataString(broker.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        List<QueueName>? queues;
        try
        {
            queues = await http.GetFromJsonAsync<List<QueueName>>("api/queues?columns=name", ct);
        }
        catch (HttpRequestException ex)
        {
            throw new EventsException($"the broker's management API at {run.RabbitMqManagement} cannot be reached ({ex.Message}): is the CRM running?", ex);
        }

        return (queues ?? []).Select(q => q.Name).Where(n => n.EndsWith(Suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<IChannel> ChannelAsync(CancellationToken ct, bool confirms = false)
    {
        try
        {
            _connection ??= await new ConnectionFactory { Uri = new Uri(run.RabbitMq), ClientProvidedName = "crm-events" }.CreateConnectionAsync(ct);
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            throw new EventsException($"the broker at {run.RabbitMq} cannot be reached: is the CRM running?", ex);
        }

        return await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: confirms, publisherConfirmationTrackingEnabled: confirms), ct);
    }

    private static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            }
            : null;

    private sealed record QueueName([property: JsonPropertyName("name")] string Name);
}
