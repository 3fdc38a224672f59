using KhuyenCong.Notifications.Domain;
using Xunit;

namespace KhuyenCong.Notifications.Tests;

/// <summary>The rule of the leaders' overdue-count alerts, without a database.</summary>
public sealed class OverdueCountsTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    private static WorkTask Alert(TaskKind kind) => WorkTask.For(kind, OverdueCounts.RecordOf(kind), At);

    [Fact]
    public void An_item_is_overdue_after_its_due_date_and_a_refund_as_soon_as_it_is_owed()
    {
        var today = new DateOnly(2026, 6, 15);
        Assert.False(OverdueCounts.IsOverdue(TaskKind.FollowUpDue, today, today));
        Assert.True(OverdueCounts.IsOverdue(TaskKind.FollowUpDue, today.AddDays(-1), today));
        Assert.False(OverdueCounts.IsOverdue(TaskKind.SettlementDue, null, today));
        Assert.True(OverdueCounts.IsOverdue(TaskKind.RefundDue, null, today));
    }

    [Fact]
    public void The_alert_opens_with_its_count_restates_a_new_one_ignores_the_same_one_and_closes_at_zero()
    {
        var alert = Alert(TaskKind.SettlementsOverdue);

        OverdueCounts.Apply(alert, 2, At);
        Assert.Equal((true, "2 đề án đã quá hạn quyết toán", 1), (alert.IsOpen, alert.Title, alert.Sequence));
        OverdueCounts.Apply(alert, 2, At.AddHours(1));
        Assert.Equal(1, alert.Sequence);
        OverdueCounts.Apply(alert, 3, At.AddHours(2));
        Assert.Equal(("3 đề án đã quá hạn quyết toán", 2), (alert.Title, alert.Sequence));
        OverdueCounts.Apply(alert, 0, At.AddHours(3));
        Assert.False(alert.IsOpen);
        OverdueCounts.Apply(alert, 0, At.AddHours(4));
        Assert.Equal(3, alert.Sequence);
        OverdueCounts.Apply(alert, 1, At.AddHours(5));
        Assert.Equal((true, "1 đề án đã quá hạn quyết toán"), (alert.IsOpen, alert.Title));
    }

    [Fact]
    public void Each_alert_stands_for_its_own_record_and_only_the_leaders_alerts_are_alerts()
    {
        Assert.Equal(3, OverdueCounts.Alerts.Select(a => OverdueCounts.RecordOf(a.Alert)).Distinct().Count());
        Assert.All(OverdueCounts.Alerts, a => Assert.True(a.Alert.IsLeaderAlert));
        Assert.All(OverdueCounts.Alerts, a => Assert.False(a.Counted.IsLeaderAlert));
        Assert.Throws<ArgumentOutOfRangeException>(() => OverdueCounts.Describe(TaskKind.FollowUpDue, 1));
    }
}
