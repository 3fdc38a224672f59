using KhuyenCong.Notifications.Api;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Reminders;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static KhuyenCong.Notifications.Tests.Events;
using static KhuyenCong.Notifications.Tests.ObligationEvents;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// The leaders' alerts: an approval over the plan, and one alert per kind of overdue item stating how many there are, kept
/// equal to the open tasks as they open, close and fall due; the leaders' alone.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LeaderAlertTests(PostgresServer postgres, RabbitMqServer rabbit) : NotificationsApp(postgres, rabbit)
{
    private OverdueCountJob Counts => Services.GetRequiredService<OverdueCountJob>();

    private async Task<List<TaskItem>> LeaderSeesAsync(TaskKind? kind = null) => (await InboxAsync(ClientAs(TestUser.Leader), kind)).Items.ToList();

    [Fact]
    public async Task An_approval_over_the_plan_is_the_leaders_alert_until_settled_and_a_cancellation_before_it_leaves_none()
    {
        var (id, plain, early) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        using var duplicates = new Duplicates();
        var messageId = Guid.NewGuid();
        await PublishAsync(ApprovedOverPlan(id, Profile("DA-2026-401")), messageId);
        await PublishAsync(ApprovedOverPlan(plain, Profile("DA-2026-402"), decision: null));
        await ConsumedAsync("OverPlanApprovalConsumer", 2);
        await PublishAsync(ApprovedOverPlan(id, Profile("DA-2026-401")), messageId);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(duplicates.Of("OverPlanApprovalConsumer") >= 1)));

        var alert = Assert.Single(await LeaderSeesAsync());
        Assert.Equal((TaskKind.OverPlanApproval, id, "DA-2026-401", $"/proposals/{id}"), (alert.Kind, alert.RecordId, alert.RecordCode, alert.Link));
        Assert.Contains("Quyết định 25/QĐ-UBND", alert.Title);
        Assert.Empty(await TasksOfAsync(TaskKind.OverPlanApproval, plain));
        Assert.DoesNotContain((await InboxAsync(Client)).Items, t => t.Kind == TaskKind.OverPlanApproval);
        Assert.Empty((await InboxAsync(ClientAs(TestUser.Establishment("5700000001")))).Items);
        Assert.Empty((await InboxAsync(ClientAs(TestUser.DistrictOfficer("ha-long")))).Items);

        await PublishAsync(Settled(id, Profile("DA-2026-401")));
        await ConsumedAsync("OverPlanSettledConsumer", 1);
        Assert.Empty(await LeaderSeesAsync());

        await PublishAsync(Cancelled(early, Profile("DA-2026-403")));
        await ConsumedAsync("OverPlanCancelledConsumer", 1);
        await PublishAsync(ApprovedOverPlan(early, Profile("DA-2026-403")));
        await ConsumedAsync("OverPlanApprovalConsumer", 3);
        Assert.False(Assert.Single(await TasksOfAsync(TaskKind.OverPlanApproval, early)).IsOpen);
        Assert.Empty(await LeaderSeesAsync());
    }

    [Fact]
    public async Task Each_kind_of_overdue_item_is_one_alert_stating_its_count_which_follows_the_items_and_the_days_and_goes_at_zero()
    {
        // Today is 15 June 2026: two evaluations are overdue, a third falls due on 20 June; one acceptance's settlement is
        // overdue (due 1 June), the other's is not (due 25 June); one refund is outstanding.
        var (early, late) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(Accepted(early, Profile("DA-2026-404"), new DateOnly(2026, 5, 17),
            (first, new DateOnly(2026, 6, 1)), (second, new DateOnly(2026, 6, 10))));
        await PublishAsync(Accepted(late, Profile("DA-2026-405"), new DateOnly(2026, 6, 10), (third, new DateOnly(2026, 6, 20))));
        await PublishAsync(Settled(Guid.NewGuid(), Profile("DA-2026-406"), refundDue: 10_000_000));
        await ConsumedAsync("ProposalAcceptedConsumer", 2);
        await ConsumedAsync("ProposalSettledConsumer", 1);

        await Counts.RefreshAsync(CancellationToken.None);
        await Counts.RefreshAsync(CancellationToken.None);
        Assert.Equal(
            [(TaskKind.FollowUpsOverdue, "2 đánh giá sau hỗ trợ đã quá hạn"), (TaskKind.SettlementsOverdue, "1 đề án đã quá hạn quyết toán"),
             (TaskKind.RefundsOutstanding, "1 đề án chưa hoàn trả kinh phí")],
            (await LeaderSeesAsync()).OrderBy(t => t.Kind).Select(t => (t.Kind, t.Title)));
        Assert.Single(await TasksOfAsync(TaskKind.FollowUpsOverdue, OverdueCounts.RecordOf(TaskKind.FollowUpsOverdue)));
        Assert.DoesNotContain((await InboxAsync(Client)).Items, t => t.Kind.IsLeaderAlert);

        await PublishAsync(FollowUpDone(first, early, "DA-2026-404", new DateOnly(2026, 6, 1)));
        await ConsumedAsync("FollowUpRecordedConsumer", 1);
        await Counts.RefreshAsync(CancellationToken.None);
        Assert.Equal("1 đánh giá sau hỗ trợ đã quá hạn", Assert.Single(await LeaderSeesAsync(TaskKind.FollowUpsOverdue)).Title);

        // Days pass: the third evaluation and the second settlement fall overdue without any event.
        Clock.SetToday(new DateOnly(2026, 6, 26));
        await Counts.RefreshAsync(CancellationToken.None);
        Assert.Equal("2 đánh giá sau hỗ trợ đã quá hạn", Assert.Single(await LeaderSeesAsync(TaskKind.FollowUpsOverdue)).Title);
        Assert.Equal("2 đề án đã quá hạn quyết toán", Assert.Single(await LeaderSeesAsync(TaskKind.SettlementsOverdue)).Title);

        await PublishAsync(FollowUpDone(second, early, "DA-2026-404", new DateOnly(2026, 6, 10)));
        await PublishAsync(FollowUpDone(third, late, "DA-2026-405", new DateOnly(2026, 6, 20)));
        await ConsumedAsync("FollowUpRecordedConsumer", 3);
        await Counts.RefreshAsync(CancellationToken.None);
        Assert.Empty(await LeaderSeesAsync(TaskKind.FollowUpsOverdue));

        // A new overdue item brings the alert back, on the same row.
        var again = Guid.NewGuid();
        await PublishAsync(Overdue(again, Guid.NewGuid(), "DA-2026-407", new DateOnly(2026, 6, 20)));
        await ConsumedAsync("FollowUpOverdueConsumer", 1);
        await Counts.RefreshAsync(CancellationToken.None);
        Assert.Equal("1 đánh giá sau hỗ trợ đã quá hạn", Assert.Single(await LeaderSeesAsync(TaskKind.FollowUpsOverdue)).Title);
        Assert.Single(await TasksOfAsync(TaskKind.FollowUpsOverdue, OverdueCounts.RecordOf(TaskKind.FollowUpsOverdue)));
    }

    [Fact]
    public async Task Counting_from_several_replicas_at_once_keeps_one_alert_per_kind_with_the_right_count()
    {
        for (var i = 0; i < 3; i++)
        {
            await PublishAsync(Settled(Guid.NewGuid(), Profile($"DA-2026-41{i}"), refundDue: 10_000_000));
        }
        await ConsumedAsync("ProposalSettledConsumer", 3);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Counts.RefreshAsync(CancellationToken.None))));

        var alert = Assert.Single(await TasksOfAsync(TaskKind.RefundsOutstanding, OverdueCounts.RecordOf(TaskKind.RefundsOutstanding)));
        Assert.Equal(("3 đề án chưa hoàn trả kinh phí", true), (alert.Title, alert.IsOpen));
        Assert.Empty(await TasksOfAsync(TaskKind.FollowUpsOverdue, OverdueCounts.RecordOf(TaskKind.FollowUpsOverdue)));
    }
}
