using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// Opens and closes tasks from one event type, once per message (the inbox). Two events about the same record may be
/// consumed at once from different queues: the second insert of a task breaks its unique key, and the retry finds the row.
/// </summary>
public abstract class TaskConsumer<TMessage>(NotificationsDbContext db, TimeProvider time) : IdempotentConsumer<TMessage, NotificationsDbContext>(db)
    where TMessage : class
{
    protected DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The task of the record, made (not yet filled in) when no event about it has come before.</summary>
    protected async Task<WorkTask> TaskAsync(TaskKind kind, Guid recordId, CancellationToken cancellationToken)
    {
        var task = await Db.Tasks.SingleOrDefaultAsync(t => t.Kind == kind && t.RecordId == recordId, cancellationToken);
        if (task is null)
        {
            task = WorkTask.For(kind, recordId, Now);
            Db.Tasks.Add(task);
        }
        return task;
    }

    protected async Task OpenAsync(TaskKind kind, Guid recordId, TaskDetails details, CancellationToken cancellationToken) =>
        (await TaskAsync(kind, recordId, cancellationToken)).Describe(details, Now);

    protected async Task CloseAsync(TaskKind kind, Guid recordId, CancellationToken cancellationToken) =>
        (await TaskAsync(kind, recordId, cancellationToken)).Close(typeof(TMessage).Name, Now);
}
