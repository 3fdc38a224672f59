using KhuyenCong.Notifications.Api;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.TestSupport;
using Xunit;
using static KhuyenCong.Notifications.Tests.Events;
using static KhuyenCong.Notifications.Tests.ObligationEvents;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// The progress report a proposal owes each month, and the advances to settle, from events through the real broker: opened,
/// moved on, closed, once on redelivery, in any order, and seen only by those the proposal concerns.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ImplementationTaskTests(PostgresServer postgres, RabbitMqServer rabbit) : NotificationsApp(postgres, rabbit)
{
    private const string TaxCode = "5700000301";
    private const string OtherTaxCode = "5700000302";

    private async Task<TaskItem?> SeenByAsync(TestUser user, TaskKind kind, Guid record) =>
        (await InboxAsync(ClientAs(user), kind)).Items.SingleOrDefault(t => t.RecordId == record);

    [Fact]
    public async Task A_months_progress_report_is_the_Centres_and_the_establishments_task_by_the_25th_and_moves_on_to_the_next_month()
    {
        var id = Guid.NewGuid();
        var profile = Profile("DA-2026-301", "ha-long", TaxCode);
        await KnowEstablishmentAsync(TaxCode, "ha-long");
        await KnowEstablishmentAsync(OtherTaxCode, "tien-yen");
        using var duplicates = new Duplicates();
        var messageId = Guid.NewGuid();

        await PublishAsync(ReportDue(id, profile, 2026, 5), messageId);
        await ConsumedAsync("ProgressReportDueConsumer", 1);
        await PublishAsync(ReportDue(id, profile, 2026, 5), messageId);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(duplicates.Of("ProgressReportDueConsumer") >= 1)));

        var task = await SeenByAsync(TestUser.Officer, TaskKind.ProgressReportDue, id);
        Assert.NotNull(task);
        Assert.Equal((new DateOnly(2026, 5, 25), true, $"/proposals/{id}"), (task.DueOn, task.IsOverdue, task.Link));
        Assert.StartsWith("Báo cáo tiến độ tháng 05/2026: ", task.Title);
        Assert.NotNull(await SeenByAsync(TestUser.Establishment(TaxCode), TaskKind.ProgressReportDue, id));
        Assert.NotNull(await SeenByAsync(TestUser.DistrictOfficer("ha-long"), TaskKind.ProgressReportDue, id));
        Assert.Null(await SeenByAsync(TestUser.Establishment(OtherTaxCode), TaskKind.ProgressReportDue, id));
        Assert.Null(await SeenByAsync(TestUser.DistrictOfficer("tien-yen"), TaskKind.ProgressReportDue, id));

        // May's report recorded: June's is owed by 25 June; a late copy of May's changes nothing.
        await PublishAsync(ReportDue(id, profile, 2026, 6));
        await PublishAsync(ReportDue(id, profile, 2026, 5));
        await ConsumedAsync("ProgressReportDueConsumer", 3);
        var moved = Assert.Single(await TasksOfAsync(TaskKind.ProgressReportDue, id));
        Assert.Equal((new DateOnly(2026, 6, 25), true), (moved.DueOn, moved.IsOpen));
        Assert.False((await SeenByAsync(TestUser.Officer, TaskKind.ProgressReportDue, id))!.IsOverdue);

        // June's recorded early: July's is owed, listed from 1 July only.
        await PublishAsync(ReportDue(id, profile, 2026, 7));
        await ConsumedAsync("ProgressReportDueConsumer", 4);
        Assert.Null(await SeenByAsync(TestUser.Officer, TaskKind.ProgressReportDue, id));
        Clock.SetToday(new DateOnly(2026, 7, 1));
        Assert.Equal(new DateOnly(2026, 7, 25), (await SeenByAsync(TestUser.Officer, TaskKind.ProgressReportDue, id))!.DueOn);

        await PublishAsync(Accepted(id, profile, new DateOnly(2026, 7, 2)));
        await ConsumedAsync("ImplementationAcceptedConsumer", 1);
        Assert.False(Assert.Single(await TasksOfAsync(TaskKind.ProgressReportDue, id)).IsOpen);
        Assert.Null(await SeenByAsync(TestUser.Establishment(TaxCode), TaskKind.ProgressReportDue, id));
    }

    [Fact]
    public async Task A_cancellation_ends_the_reports_owed_and_one_that_comes_before_them_leaves_no_task()
    {
        var (id, early) = (Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(ReportDue(id, Profile("DA-2026-302"), 2026, 6));
        await ConsumedAsync("ProgressReportDueConsumer", 1);
        await PublishAsync(Cancelled(id, Profile("DA-2026-302")));
        await PublishAsync(Cancelled(early, Profile("DA-2026-303")));
        await ConsumedAsync("ImplementationCancelledConsumer", 2);
        await PublishAsync(ReportDue(early, Profile("DA-2026-303"), 2026, 6));
        await ConsumedAsync("ProgressReportDueConsumer", 2);

        Assert.False(Assert.Single(await TasksOfAsync(TaskKind.ProgressReportDue, id)).IsOpen);
        var late = Assert.Single(await TasksOfAsync(TaskKind.ProgressReportDue, early));
        Assert.True(late.IsKnown);
        Assert.False(late.IsOpen);
        Assert.Empty((await InboxAsync(Client, TaskKind.ProgressReportDue)).Items);
    }

    [Fact]
    public async Task An_advance_is_the_Centres_to_settle_by_the_year_end_then_by_the_acceptances_deadline_until_the_settlement_covers_it()
    {
        var id = Guid.NewGuid();
        var profile = Profile("DA-2026-304", "ha-long", TaxCode);
        using var duplicates = new Duplicates();
        var messageId = Guid.NewGuid();

        await PublishAsync(Advanced(id, "DA-2026-304", new DateOnly(2027, 1, 22)), messageId);
        await ConsumedAsync("AdvancePaidConsumer", 1);
        await PublishAsync(Advanced(id, "DA-2026-304", new DateOnly(2027, 1, 22)), messageId);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(duplicates.Of("AdvancePaidConsumer") >= 1)));
        var task = await SeenByAsync(TestUser.Officer, TaskKind.AdvanceToSettle, id);
        Assert.Equal((new DateOnly(2027, 1, 22), "DA-2026-304", $"/proposals/{id}"), (task!.DueOn, task.RecordCode, task.Link));
        Assert.Null(await SeenByAsync(TestUser.Establishment(TaxCode), TaskKind.AdvanceToSettle, id));
        Assert.Null(await SeenByAsync(TestUser.DistrictOfficer("ha-long"), TaskKind.AdvanceToSettle, id));

        // A second advance keeps the one task; the acceptance brings the deadline forward.
        await PublishAsync(Advanced(id, "DA-2026-304", new DateOnly(2027, 1, 22), total: 200_000_000));
        await ConsumedAsync("AdvancePaidConsumer", 2);
        await PublishAsync(AcceptedBy(id, profile, new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 25)));
        await ConsumedAsync("ImplementationAcceptedConsumer", 1);
        Assert.Equal(new DateOnly(2026, 6, 25), Assert.Single(await TasksOfAsync(TaskKind.AdvanceToSettle, id)).DueOn);

        await PublishAsync(Settled(id, profile));
        await ConsumedAsync("AdvanceSettledConsumer", 1);
        Assert.False(Assert.Single(await TasksOfAsync(TaskKind.AdvanceToSettle, id)).IsOpen);
    }

    [Fact]
    public async Task An_acceptance_before_the_advance_still_sets_the_deadline_and_a_refund_settles_the_advances_above_the_settled_support()
    {
        var id = Guid.NewGuid();
        var profile = Profile("DA-2026-305");
        await PublishAsync(AcceptedBy(id, profile, new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 25)));
        await ConsumedAsync("ImplementationAcceptedConsumer", 1);
        Assert.Empty((await InboxAsync(Client, TaskKind.AdvanceToSettle)).Items);
        await PublishAsync(Advanced(id, "DA-2026-305", new DateOnly(2027, 1, 22)));
        await ConsumedAsync("AdvancePaidConsumer", 1);
        Assert.Equal(new DateOnly(2026, 6, 25), (await SeenByAsync(TestUser.Officer, TaskKind.AdvanceToSettle, id))!.DueOn);

        await PublishAsync(Settled(id, profile, refundDue: 50_000_000));
        await ConsumedAsync("AdvanceSettledConsumer", 1);
        Assert.NotNull(await SeenByAsync(TestUser.Officer, TaskKind.AdvanceToSettle, id));
        await PublishAsync(Refunded(id, "DA-2026-305", 20_000_000, outstanding: 30_000_000));
        await ConsumedAsync("AdvanceRefundedConsumer", 1);
        Assert.NotNull(await SeenByAsync(TestUser.Officer, TaskKind.AdvanceToSettle, id));
        await PublishAsync(Refunded(id, "DA-2026-305", 30_000_000, outstanding: 0));
        await ConsumedAsync("AdvanceRefundedConsumer", 2);
        Assert.Null(await SeenByAsync(TestUser.Officer, TaskKind.AdvanceToSettle, id));
    }

    [Fact]
    public async Task The_balance_payment_settles_the_advance_and_a_cancellation_or_balance_before_the_advance_leaves_no_task()
    {
        var (paid, cancelled, balanceFirst) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(Advanced(paid, "DA-2026-306", new DateOnly(2027, 1, 22)));
        await ConsumedAsync("AdvancePaidConsumer", 1);
        await PublishAsync(BalancePaid(paid, "DA-2026-306"));
        await PublishAsync(Cancelled(cancelled, Profile("DA-2026-307"), advancesPaid: 100_000_000));
        await PublishAsync(BalancePaid(balanceFirst, "DA-2026-308"));
        await ConsumedAsync("AdvanceBalancePaidConsumer", 2);
        await ConsumedAsync("ImplementationCancelledConsumer", 1);
        await PublishAsync(Advanced(cancelled, "DA-2026-307", new DateOnly(2027, 1, 22)));
        await PublishAsync(Advanced(balanceFirst, "DA-2026-308", new DateOnly(2027, 1, 22)));
        await ConsumedAsync("AdvancePaidConsumer", 3);

        foreach (var id in new[] { paid, cancelled, balanceFirst })
        {
            var task = Assert.Single(await TasksOfAsync(TaskKind.AdvanceToSettle, id));
            Assert.True(task.IsKnown);
            Assert.False(task.IsOpen);
        }
        Assert.Empty((await InboxAsync(Client, TaskKind.AdvanceToSettle)).Items);
    }
}
