using Microsoft.Extensions.Options;

namespace KhuyenCong.Reporting.Data;

/// <summary>How often the appended cube moves are folded into the cubes (<c>Reporting:CubeFoldInterval</c>).</summary>
public sealed class CubeFoldingOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Folds the moves the projections append into the proposal cubes, in batches, so reports keep summing a
/// few rows per cell however many events arrived (see <see cref="ProposalCubes"/>). A failed fold is
/// retried at the next tick; nothing is lost, since a move stays appended until it is folded.
/// </summary>
public sealed partial class CubeFolding(IServiceScopeFactory scopes, IOptions<CubeFoldingOptions> options, TimeProvider time, ILogger<CubeFolding> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await ProposalCubes.FoldAsync(scope.ServiceProvider.GetRequiredService<ReportingDbContext>(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    FoldFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding the appended moves into the proposal cubes failed; the next tick retries")]
    private static partial void FoldFailed(ILogger logger, Exception exception);
}
