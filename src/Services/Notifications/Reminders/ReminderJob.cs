using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Mail;
using KhuyenCong.Platform.Accounts;
using KhuyenCong.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Notifications.Reminders;

/// <summary>
/// Records the reminders due: for every open task with a deadline and every user it concerns, the latest reminder occasion
/// the deadline has reached (<see cref="ReminderSchedule"/>) as a <see cref="Reminder"/> row, and with it the mail when the
/// user wants one; then each user's daily digest. Both are inserted with ON CONFLICT DO NOTHING on their unique keys, in
/// one statement each, so every reminder and every digest happens once, across restarts and any number of replicas
/// racing over the same tasks. Each poll first brings the leaders' overdue counts up to date (<see cref="OverdueCountJob"/>).
/// </summary>
public sealed class ReminderJob(
    IServiceScopeFactory scopes, MailTemplates templates, OverdueCountJob overdueCounts, IOptions<ReminderSchedule> schedule, TimeProvider time,
    ILogger<ReminderJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The leaders' counts first, so that the digests read them as of this poll.
                await overdueCounts.RefreshAsync(stoppingToken);
                await RecordRemindersAsync(stoppingToken);
                await RecordDigestsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Counting the overdue tasks or recording the reminders due failed; trying again later");
            }
            await Task.Delay(schedule.Value.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Records the reminders due today that are not recorded yet; returns how many this call recorded.</summary>
    public async Task<int> RecordRemindersAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var today = ProvinceCalendar.Today(time);
        var audience = await AudienceAsync(db, today, cancellationToken);
        var due = audience.Tasks
            .Where(t => t.DueOn is not null)
            .Select(t => (Task: t, Offset: schedule.Value.OccasionOn(t.DueOn!.Value, today)))
            .Where(d => d.Offset is not null)
            .ToList();
        var taskIds = due.Select(d => d.Task.Id).ToList();
        var recorded = (await db.Reminders.AsNoTracking().Where(r => taskIds.Contains(r.TaskId))
                .Select(r => new { r.TaskId, r.UserId, r.DueOn, r.OffsetDays }).ToListAsync(cancellationToken))
            .Select(r => (r.TaskId, r.UserId, r.DueOn, r.OffsetDays)).ToHashSet();
        var count = 0;
        foreach (var (task, offset) in due)
        {
            foreach (var recipient in audience.Concerned(task))
            {
                if (recorded.Contains((task.Id, recipient.UserId, task.DueOn!.Value, offset!.Value)))
                {
                    continue;
                }
                count += await RecordAsync(db, task, recipient, offset.Value, audience.PreferenceOf(recipient), cancellationToken);
            }
        }
        return count;
    }

    /// <summary>
    /// One reminder and, when the user wants it by e-mail, its mail: both in one statement, so the mail exists exactly when
    /// this call inserted the reminder. A replica that lost the race inserts neither.
    /// </summary>
    private async Task<int> RecordAsync(
        NotificationsDbContext db, WorkTask task, KnownAccount to, int offset, NotificationPreference preference, CancellationToken cancellationToken)
    {
        var reminderId = Guid.NewGuid();
        var now = time.GetUtcNow();
        var dueOn = task.DueOn!.Value;
        if (to.Email is null || !preference.Wants(task.Kind))
        {
            return await db.Database.ExecuteSqlAsync($"""
                INSERT INTO reminders (id, task_id, user_id, due_on, offset_days, recorded_at)
                VALUES ({reminderId}, {task.Id}, {to.UserId}, {dueOn}, {offset}, {now}) ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
        var mail = MailDelivery.Reminder(reminderId, task, to, templates.Reminder(task, to, dueOn, offset), now);
        // The mail is inserted from the reminder's RETURNING row: none when the reminder was there already.
        return await db.Database.ExecuteSqlAsync($"""
            WITH reminder AS (
                INSERT INTO reminders (id, task_id, user_id, due_on, offset_days, recorded_at)
                VALUES ({reminderId}, {task.Id}, {to.UserId}, {dueOn}, {offset}, {now}) ON CONFLICT DO NOTHING RETURNING id)
            INSERT INTO mail_deliveries (id, key, kind, user_id, task_id, task_kind, to_address, to_name, subject, body, unsubscribe_url,
                status, attempts, next_attempt_at, created_at)
            SELECT {mail.Id}, {mail.Key}, {mail.Kind.ToString()}, {mail.UserId}, {mail.TaskId}, {task.Kind.ToString()}, {mail.ToAddress},
                {mail.ToName}, {mail.Subject}, {mail.Body}, {mail.UnsubscribeUrl}, {mail.Status.ToString()}, 0, {now}, {now}
            FROM reminder
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>Records today's digest of every user who wants one and has open tasks; returns how many this call recorded.</summary>
    public async Task<int> RecordDigestsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var today = ProvinceCalendar.Today(time);
        var prefix = $"digest:%:{today:yyyy-MM-dd}";
        var done = (await db.MailDeliveries.AsNoTracking().Where(m => m.Kind == MailKind.Digest && EF.Functions.Like(m.Key, prefix))
            .Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var audience = await AudienceAsync(db, today, cancellationToken);
        var count = 0;
        foreach (var recipient in audience.Recipients.Where(r => r.Email is not null && !done.Contains(r.UserId)))
        {
            var preference = audience.PreferenceOf(recipient);
            if (!preference.WantsDigest)
            {
                continue;
            }
            var tasks = audience.Tasks.Where(t => preference.Wants(t.Kind) && recipient.Concerns(t, audience.UnitOfTaxCode))
                .OrderByDescending(t => t.DueOn < today).ThenBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.RecordCode).ToList();
            if (tasks.Count == 0)
            {
                continue;
            }
            var now = time.GetUtcNow();
            var mail = MailDelivery.Digest(today, recipient, templates.Digest(recipient, today, tasks), now);
            count += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO mail_deliveries (id, key, kind, user_id, to_address, to_name, subject, body, unsubscribe_url, status, attempts, next_attempt_at, created_at)
                VALUES ({mail.Id}, {mail.Key}, {mail.Kind.ToString()}, {mail.UserId}, {mail.ToAddress}, {mail.ToName}, {mail.Subject}, {mail.Body},
                    {mail.UnsubscribeUrl}, {mail.Status.ToString()}, 0, {now}, {now})
                ON CONFLICT (key) DO NOTHING
                """, cancellationToken);
        }
        return count;
    }

    private static async Task<Audience> AudienceAsync(NotificationsDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.IsKnown && t.ClosedAt == null && (t.ShownFrom == null || t.ShownFrom <= today)
                && (t.ShownUntil == null || t.ShownUntil >= today))
            .ToListAsync(cancellationToken);
        var recipients = await db.Recipients.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.UserId).ToListAsync(cancellationToken);
        var preferences = await db.Preferences.AsNoTracking().ToDictionaryAsync(p => p.UserId, cancellationToken);
        var units = await db.Establishments.AsNoTracking().Select(e => new { e.TaxCode, e.AdministrativeUnitCode }).ToListAsync(cancellationToken);
        return new Audience(tasks, recipients, preferences, units.ToDictionary(e => e.TaxCode, e => e.AdministrativeUnitCode));
    }

    private sealed record Audience(
        List<WorkTask> Tasks, List<KnownAccount> Recipients, Dictionary<string, NotificationPreference> Preferences, Dictionary<string, string> UnitOfTaxCode)
    {
        public IEnumerable<KnownAccount> Concerned(WorkTask task) => Recipients.Where(r => r.Concerns(task, UnitOfTaxCode));

        public NotificationPreference PreferenceOf(KnownAccount recipient) =>
            Preferences.GetValueOrDefault(recipient.UserId) ?? NotificationPreference.Default(recipient.UserId);
    }
}
