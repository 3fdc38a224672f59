using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Platform.Data;

/// <summary>
/// Applies the EF Core migrations before the host starts serving, retrying with back-off while the
/// database server is still coming up. Migrate also creates the database when it does not exist.
/// </summary>
internal sealed class MigrationRunner<TContext>(IServiceProvider services, ILogger<MigrationRunner<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    private const int MaxAttempts = 30;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Database of {Context} is up to date", typeof(TContext).Name);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 250 * Math.Pow(2, attempt - 1)));
                logger.LogWarning(ex, "Migrating {Context} failed (attempt {Attempt}); retrying in {Delay}", typeof(TContext).Name, attempt, delay);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
