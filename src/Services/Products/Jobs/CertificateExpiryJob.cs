using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Api;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Jobs;

/// <summary>
/// Once a day (just after midnight, province time, and once at start-up) marks the certificates whose
/// expiry date has passed as expired and publishes <c>CertificateExpired</c> through the outbox. Rows are
/// locked with SKIP LOCKED and only valid certificates are taken, so each certificate expires, and its
/// event and its entry in the competition's history are written, exactly once even with several replicas.
/// </summary>
public sealed class CertificateExpiryJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<CertificateExpiryJob> logger)
    : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan RunAfterMidnight = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = UntilNextRun();
            try
            {
                var expired = await ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} certificates", expired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Expiring certificates failed; retrying in {Delay}", RetryAfterFailure);
                wait = RetryAfterFailure;
            }
            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One run: expires every valid certificate whose expiry date is before today; returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
            var today = ProvinceCalendar.Today(time);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Certificates
                .FromSql($"""
                    SELECT *, xmin FROM certificates WHERE status = 'Valid' AND expires_on < {today}
                    ORDER BY expires_on LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);
            foreach (var certificate in due.Where(c => c.ExpireIfDue(today, time.GetUtcNow())))
            {
                db.AddIntegrationEvent(ProductIntegrationEvents.Expired(certificate));
                db.Record(HistoryEntry.Of(certificate.CompetitionId, CompetitionHistory.CertificateExpired,
                    CompetitionHistory.ExpiryJob, CompetitionHistory.ExpiryJobName, time.GetUtcNow()) with
                {
                    OccurredOn = certificate.ExpiresOn,
                    Subject = certificate.ProductName,
                    Document = certificate.Number,
                });
                total++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (due.Count < BatchSize)
            {
                return total;
            }
        }
    }

    private TimeSpan UntilNextRun()
    {
        var now = time.GetUtcNow();
        var next = ProvinceCalendar.StartOfDay(ProvinceCalendar.DateOf(now).AddDays(1)) + RunAfterMidnight;
        return next - now;
    }
}
