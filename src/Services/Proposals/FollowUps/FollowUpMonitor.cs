using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.Time;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Proposals.FollowUps;

public sealed class FollowUpMonitorOptions
{
    public const string Section = "Proposals:FollowUpMonitor";

    /// <summary>How often the monitor looks for evaluations past their due date.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Marks post-support evaluations overdue once their due date has passed and publishes
/// <see cref="FollowUpOverdue"/> for each, once: the mark and its event commit together, and a
/// concurrent instance that marked the same row first makes this one's save fail and retry later.
/// </summary>
public sealed class FollowUpMonitor(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<FollowUpMonitorOptions> options, ILogger<FollowUpMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var marked = await MarkOverdueAsync(
                    scope.ServiceProvider.GetRequiredService<ProposalsDbContext>(), time.GetUtcNow(), options.Value.BatchSize, stoppingToken);
                if (marked > 0)
                {
                    logger.LogInformation("Marked {Count} post-support evaluations overdue", marked);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Looking for overdue evaluations failed; trying again in {Interval}", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The advisory lock key of the monitor ("kc-fup" as a number).</summary>
    private const long MonitorLock = 0x6B632D667570;

    /// <summary>One pass: marks up to <paramref name="batchSize"/> evaluations overdue; returns how many.</summary>
    public static async Task<int> MarkOverdueAsync(ProposalsDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var today = ProvinceCalendar.DateOf(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas look in turn, so one marks a follow-up overdue and the next finds it marked (the row version
        // would refuse a second mark too, but as a failed run).
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({MonitorLock})", cancellationToken);
        var late = await (from f in db.FollowUps
                          join p in db.Proposals.IgnoreAutoIncludes() on f.ProposalId equals p.Id
                          where f.Status == FollowUpStatus.Scheduled && f.DueOn < today
                          orderby f.DueOn
                          select new { FollowUp = f, p.Code, p.District })
            .Take(batchSize).ToListAsync(cancellationToken);
        foreach (var row in late)
        {
            if (row.FollowUp.MarkOverdueIfLate(today, now))
            {
                db.AddIntegrationEvent(new FollowUpOverdue
                {
                    FollowUpId = row.FollowUp.Id,
                    ProposalId = row.FollowUp.ProposalId,
                    Code = row.Code,
                    District = row.District,
                    DueOn = row.FollowUp.DueOn,
                    DetectedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return late.Count;
    }
}
