namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// The leaders' overdue-count alerts: one task per alert kind, whose title states how many tasks of the kind it counts are
/// overdue, open while there is at least one. Each is kept from the service's own tasks, so it follows them as they open,
/// close and pass their due dates.
/// </summary>
public static class OverdueCounts
{
    /// <summary>Each alert and the kind of task it counts.</summary>
    public static readonly IReadOnlyList<(TaskKind Alert, TaskKind Counted)> Alerts =
    [
        (TaskKind.FollowUpsOverdue, TaskKind.FollowUpDue),
        (TaskKind.SettlementsOverdue, TaskKind.SettlementDue),
        (TaskKind.RefundsOutstanding, TaskKind.RefundDue),
    ];

    /// <summary>
    /// Whether an open task of the counted kind is overdue on <paramref name="today"/>: past its due date; a refund, which no
    /// text gives a later day for, is owed from the settlement or cancellation that fixed it.
    /// </summary>
    public static bool IsOverdue(TaskKind counted, DateOnly? dueOn, DateOnly today) =>
        counted == TaskKind.RefundDue ? dueOn is null || dueOn < today : dueOn < today;

    /// <summary>The one record an alert kind stands for (the alerts are about no record of another service).</summary>
    public static Guid RecordOf(TaskKind alert) => new($"00000000-0000-0000-0000-{(int)alert:D12}");

    /// <summary>What the alert says for a count; null at zero (no alert).</summary>
    public static TaskDetails? Describe(TaskKind alert, int count)
    {
        if (count <= 0)
        {
            return null;
        }
        var text = alert switch
        {
            TaskKind.FollowUpsOverdue => $"{count} đánh giá sau hỗ trợ đã quá hạn",
            TaskKind.SettlementsOverdue => $"{count} đề án đã quá hạn quyết toán",
            TaskKind.RefundsOutstanding => $"{count} đề án chưa hoàn trả kinh phí",
            _ => throw new ArgumentOutOfRangeException(nameof(alert), alert, "not an overdue-count alert"),
        };
        var link = alert switch
        {
            TaskKind.FollowUpsOverdue => "/proposals/follow-ups",
            TaskKind.SettlementsOverdue => "/proposals?status=Accepted",
            _ => "/proposals",
        };
        // The count is what the alert is about: it stands where a record's code stands.
        return new TaskDetails(text, text, DueOn: null, link, ForScopedUsers: false, AdministrativeUnitCode: null, EstablishmentTaxCodes: []);
    }

    /// <summary>
    /// Sets the alert to the count: reopened and restated when the count is above zero and says something new, closed at zero;
    /// the same count twice changes nothing.
    /// </summary>
    public static void Apply(WorkTask alert, int count, DateTimeOffset at)
    {
        var details = Describe(alert.Kind, count);
        if (details is null ? !alert.IsOpen : alert.IsOpen && alert.RecordCode == details.RecordCode)
        {
            return;
        }
        alert.Follow((alert.Sequence ?? 0) + 1, details, nameof(OverdueCounts), at);
    }
}
