using KhuyenCong.Contracts.Training;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using MassTransit;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// A scheduled course is to be closed (its results recorded) once it ends; the district officer of its unit sees it
/// too. A course without an end date has no due date.
/// </summary>
public sealed class CourseScheduledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<CourseScheduled>(db, time)
{
    protected override Task HandleAsync(CourseScheduled message, ConsumeContext<CourseScheduled> context) =>
        OpenAsync(TaskKind.CourseToClose, message.CourseId,
            new TaskDetails(message.Course.Title, message.Course.Title, message.Course.EndDate, $"/training/courses/{message.CourseId}",
                ForScopedUsers: true, message.Course.AdministrativeUnitCode, []),
            context.CancellationToken);
}

public sealed class CourseCompletedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<CourseCompleted>(db, time)
{
    protected override Task HandleAsync(CourseCompleted message, ConsumeContext<CourseCompleted> context) =>
        CloseAsync(TaskKind.CourseToClose, message.CourseId, context.CancellationToken);
}

public sealed class CourseCancelledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<CourseCancelled>(db, time)
{
    protected override Task HandleAsync(CourseCancelled message, ConsumeContext<CourseCancelled> context) =>
        CloseAsync(TaskKind.CourseToClose, message.CourseId, context.CancellationToken);
}
