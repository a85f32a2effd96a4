using OpenIddict.Abstractions;

namespace Crm.Identity.Services;

/// <summary>
/// Keeps the token server's tables small: once an hour, OpenIddict removes the tokens and sessions (authorizations)
/// that can no longer be used (expired, redeemed, revoked) and are over a day old. Every replica may run it; a row
/// removed by one is simply not found by the other.
/// </summary>
public sealed class TokenPruning(IServiceScopeFactory scopes, ILogger<TokenPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = DateTimeOffset.UtcNow - KeepFor;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var sessions = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                logger.LogInformation("Pruned {Tokens} tokens and {Sessions} sessions no longer usable", tokens, sessions);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a while; the next round tries again.
                logger.LogWarning(ex, "Pruning the token server's tables failed");
            }
        }
    }
}
