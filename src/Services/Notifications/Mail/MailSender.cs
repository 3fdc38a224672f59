using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Notifications.Mail;

/// <summary>
/// Sends the outbox's mails that are due, oldest first. Each batch is claimed with FOR UPDATE SKIP LOCKED, so several
/// replicas never send the same mail; a refusal or an unreachable server leaves the mail waiting for its next attempt
/// (after 1, 5, 15, 60 minutes, then given up). A reminder whose task has been closed, or whose user turned e-mail off
/// since, is cancelled instead of sent.
/// </summary>
public sealed class MailSender(
    IServiceScopeFactory scopes, IMailTransport transport, IOptions<MailOptions> options, TimeProvider time, ILogger<MailSender> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Sending the mails due failed; trying again later");
            }
            await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One batch: sends (or retries, or cancels) the mails due now; returns how many it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await db.MailDeliveries
            .FromSql($"""
                SELECT * FROM mail_deliveries WHERE status = 'Pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at, created_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var userIds = due.Select(m => m.UserId).Distinct().ToList();
        var preferences = await db.Preferences.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var taskIds = due.Where(m => m.TaskId is not null).Select(m => m.TaskId!.Value).Distinct().ToList();
        var closed = (await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id) && t.ClosedAt != null).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var mail in due)
        {
            var preference = preferences.GetValueOrDefault(mail.UserId) ?? NotificationPreference.Default(mail.UserId);
            if (mail.TaskId is { } taskId && closed.Contains(taskId))
            {
                mail.Cancel("The task was closed before the reminder went out.");
            }
            else if (mail.Kind == MailKind.Reminder ? !preference.Wants(mail.TaskKind ?? default) : !preference.WantsDigest)
            {
                mail.Cancel("The user does not want this e-mail any more.");
            }
            else
            {
                try
                {
                    await transport.SendAsync(mail, cancellationToken);
                    mail.Sent(time.GetUtcNow());
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    mail.Failed(ex.Message, time.GetUtcNow());
                    logger.LogWarning("Mail {Key} to {User} not sent (attempt {Attempts}): {Error}", mail.Key, mail.UserId, mail.Attempts, ex.Message);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
