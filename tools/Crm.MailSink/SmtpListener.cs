using System.Buffers;
using System.Net;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Crm.MailSink;

/// <summary>The SMTP side: accepts any sender and recipient on loopback and hands each message to <see cref="MailStore"/>.</summary>
public sealed class SmtpListener(MailStore store, IOptions<SinkOptions> options, ILogger<SmtpListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = options.Value.SmtpPort;
        var smtpOptions = new SmtpServerOptionsBuilder()
            .ServerName("crm-mail-sink")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .MaxMessageSize(10 * 1024 * 1024, MaxMessageSizeHandling.Strict)
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(store));
        var server = new SmtpServer.SmtpServer(smtpOptions, services);
        logger.LogInformation("Accepting SMTP on 127.0.0.1:{Port}", port);
        try
        {
            await server.StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private sealed class Store(MailStore store) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream((int)Math.Min(buffer.Length, int.MaxValue));
            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }

            stream.Position = 0;
            await store.AddAsync(stream, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
