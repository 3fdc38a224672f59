using OpenIddict.Abstractions;

namespace KhuyenCong.Identity.Tokens;

/// <summary>
/// Every hour, deletes the token and authorization entries that expired or were revoked more than
/// two weeks ago (every issued token leaves an entry), so identitydb does not grow without end.
/// </summary>
internal sealed class TokenPruning(IServiceProvider services, TimeProvider time, ILogger<TokenPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(14);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var threshold = time.GetUtcNow() - KeptFor;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations", tokens, authorizations);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pruning old tokens failed; trying again in {Interval}", Interval);
            }
        }
    }
}
