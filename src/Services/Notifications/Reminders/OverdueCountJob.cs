using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Notifications.Reminders;

/// <summary>
/// Keeps the leaders' overdue-count alerts (<see cref="OverdueCounts"/>) equal to the open tasks they count. The reminders'
/// poll (<see cref="ReminderJob"/>) runs it before the reminders and digests, so the counts follow the tasks as they open and
/// close and as days pass their due dates without any event. Replicas take turns under an advisory lock, so the counts are
/// read after every committed change and each alert is written by one of them at a time.
/// </summary>
public sealed class OverdueCountJob(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>The advisory lock key of the counts ("kc-odc" as a number).</summary>
    private const long CountLock = 0x6B632D6F6463;

    /// <summary>Sets every overdue-count alert to today's count of the open tasks it counts.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var today = ProvinceCalendar.Today(time);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CountLock})", cancellationToken);
        var counted = OverdueCounts.Alerts.Select(a => a.Counted).ToList();
        var open = await db.Tasks.AsNoTracking()
            .Where(t => counted.Contains(t.Kind) && t.IsKnown && t.ClosedAt == null)
            .Select(t => new { t.Kind, t.DueOn })
            .ToListAsync(cancellationToken);
        var alertKinds = OverdueCounts.Alerts.Select(a => a.Alert).ToList();
        var alerts = await db.Tasks.Where(t => alertKinds.Contains(t.Kind)).ToListAsync(cancellationToken);
        foreach (var (kind, countedKind) in OverdueCounts.Alerts)
        {
            var count = open.Count(t => t.Kind == countedKind && OverdueCounts.IsOverdue(countedKind, t.DueOn, today));
            var alert = alerts.SingleOrDefault(t => t.Kind == kind && t.RecordId == OverdueCounts.RecordOf(kind));
            if (alert is null)
            {
                if (count == 0)
                {
                    continue;
                }
                alert = WorkTask.For(kind, OverdueCounts.RecordOf(kind), now);
                db.Tasks.Add(alert);
            }
            OverdueCounts.Apply(alert, count, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
