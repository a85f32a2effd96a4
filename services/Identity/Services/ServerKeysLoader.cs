namespace Crm.Identity.Services;

/// <summary>
/// Loads the token server's keys after the migrations and before the server listens: the server reads its
/// options on the first request, and a database hiccup then must not leave it without keys for good.
/// </summary>
public sealed class ServerKeysLoader(SigningKeyStore keys, ILogger<ServerKeysLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await keys.LoadAsync(cancellationToken);
                return;
            }
            catch (Npgsql.NpgsqlException ex) when (attempt < 10 && ex.IsTransient)
            {
                logger.LogWarning(ex, "Database not reachable while loading the token keys (attempt {Attempt})", attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
