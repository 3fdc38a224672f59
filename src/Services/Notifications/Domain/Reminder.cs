namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// That one user was reminded of one task's deadline on one occasion (<see cref="OffsetDays"/> from <see cref="DueOn"/>).
/// The table's unique key (task, user, deadline, occasion), inserted with ON CONFLICT DO NOTHING, makes each reminder
/// happen once whatever the number of replicas and restarts.
/// </summary>
public sealed class Reminder
{
    private Reminder() { }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateOnly DueOn { get; private set; }

    /// <summary>Days from the deadline: −7 a week before, 0 on the day, 7 a week overdue.</summary>
    public int OffsetDays { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
