using KhuyenCong.Notifications.Domain;
using KhuyenCong.TestSupport;
using Xunit;
using static KhuyenCong.Notifications.Tests.Events;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// Each kind of task, from events that come through the real broker: the opening event opens it, its redelivery opens no
/// second one, the closing event closes it, and a closing event that arrives before the opening one leaves no open task.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TaskLifecycleTests(PostgresServer postgres, RabbitMqServer rabbit) : NotificationsApp(postgres, rabbit)
{
    [Fact]
    public async Task A_submitted_proposal_is_to_decide_until_approved_and_a_rejection_before_the_submission_leaves_none()
    {
        var (id, late) = (Guid.NewGuid(), Guid.NewGuid());
        await ProvesLifecycleAsync(TaskKind.ProposalToDecide,
            id, Submitted(id, Profile("DA-2026-001")), Approved(id, Profile("DA-2026-001")),
            late, Submitted(late, Profile("DA-2026-002")), Rejected(late, Profile("DA-2026-002")));
        var task = Assert.Single(await TasksOfAsync(TaskKind.ProposalToDecide, id));
        Assert.Equal(("DA-2026-001", $"/proposals/{id}"), (task.RecordCode, task.Link));
    }

    [Fact]
    public async Task A_cancellation_closes_the_decision_and_the_settlement_and_opens_the_refund_of_the_advances()
    {
        var (decided, accepted) = (Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(Submitted(decided, Profile("DA-2026-003")));
        await PublishAsync(Accepted(accepted, Profile("DA-2026-004"), new DateOnly(2026, 6, 1)));
        await ConsumedAsync("ProposalSubmittedConsumer", 1);
        await ConsumedAsync("ProposalAcceptedConsumer", 1);
        Assert.Equal(2, (await CountAsync(Client)).Open);

        await PublishAsync(Cancelled(decided, Profile("DA-2026-003")));
        await PublishAsync(Cancelled(accepted, Profile("DA-2026-004"), advancesPaid: 210_000_000));
        await ConsumedAsync("ProposalCancelledConsumer", 2);

        var open = (await InboxAsync(Client)).Items;
        var refund = Assert.Single(open);
        Assert.Equal((TaskKind.RefundDue, accepted), (refund.Kind, refund.RecordId));
    }

    [Fact]
    public async Task An_accepted_proposal_is_to_settle_within_15_days_until_settled_and_a_settlement_before_the_acceptance_leaves_none()
    {
        var (id, late) = (Guid.NewGuid(), Guid.NewGuid());
        await ProvesLifecycleAsync(TaskKind.SettlementDue,
            id, Accepted(id, Profile("DA-2026-005"), new DateOnly(2026, 5, 20)), Settled(id, Profile("DA-2026-005")),
            late, Accepted(late, Profile("DA-2026-006"), new DateOnly(2026, 5, 20)), Settled(late, Profile("DA-2026-006")));
        Assert.Equal(new DateOnly(2026, 6, 4), Assert.Single(await TasksOfAsync(TaskKind.SettlementDue, id)).DueOn);
    }

    [Fact]
    public async Task A_refund_due_after_settlement_stays_until_nothing_is_outstanding_and_a_full_refund_before_the_settlement_leaves_none()
    {
        var (id, late) = (Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(Settled(id, Profile("DA-2026-007"), refundDue: 50_000_000));
        await ConsumedAsync("ProposalSettledConsumer", 1);
        await PublishAsync(Refunded(id, "DA-2026-007", 20_000_000, outstanding: 30_000_000));
        await ConsumedAsync("RefundRecordedConsumer", 1);
        Assert.Contains((await InboxAsync(Client, TaskKind.RefundDue)).Items, t => t.RecordId == id);

        await ProvesLifecycleAsync(TaskKind.RefundDue,
            id, Settled(id, Profile("DA-2026-007"), refundDue: 50_000_000), Refunded(id, "DA-2026-007", 30_000_000, outstanding: 0),
            late, Settled(late, Profile("DA-2026-008"), refundDue: 10_000_000), Refunded(late, "DA-2026-008", 10_000_000, outstanding: 0),
            alreadyConsumed: (1, 1));
    }

    [Fact]
    public async Task A_scheduled_follow_up_is_due_until_recorded_and_an_evaluation_recorded_before_the_schedule_leaves_none()
    {
        var (proposal, followUp, late) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var due = new DateOnly(2026, 5, 1);
        await ProvesLifecycleAsync(TaskKind.FollowUpDue,
            followUp, Accepted(proposal, Profile("DA-2025-010"), new DateOnly(2025, 11, 1), (followUp, due)), FollowUpDone(followUp, proposal, "DA-2025-010", due),
            late, Accepted(Guid.NewGuid(), Profile("DA-2025-011"), new DateOnly(2025, 11, 1), (late, due)), FollowUpDone(late, Guid.NewGuid(), "DA-2025-011", due));
    }

    [Fact]
    public async Task An_overdue_follow_up_is_a_task_even_before_its_schedule_arrives_and_the_schedule_then_adds_the_establishments()
    {
        var (proposal, followUp, done) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var due = new DateOnly(2026, 5, 1);
        await PublishAsync(Overdue(followUp, proposal, "DA-2025-012", due));
        await ConsumedAsync("FollowUpOverdueConsumer", 1);
        var overdue = Assert.Single((await InboxAsync(Client, TaskKind.FollowUpDue)).Items);
        Assert.Equal((followUp, true, due, $"/proposals/{proposal}"), (overdue.RecordId, overdue.IsOverdue, overdue.DueOn, overdue.Link));
        Assert.Empty((await InboxAsync(ClientAs(TestUser.Establishment("5700000012")))).Items);

        await PublishAsync(Accepted(proposal, Profile("DA-2025-012", "ha-long", "5700000012"), new DateOnly(2025, 11, 1), (followUp, due)));
        await ConsumedAsync("ProposalAcceptedConsumer", 1);
        Assert.Single((await InboxAsync(ClientAs(TestUser.Establishment("5700000012")), TaskKind.FollowUpDue)).Items);

        // An overdue notice after the evaluation was recorded reopens nothing.
        await PublishAsync(FollowUpDone(done, proposal, "DA-2025-012", due));
        await ConsumedAsync("FollowUpRecordedConsumer", 1);
        await PublishAsync(Overdue(done, proposal, "DA-2025-012", due));
        await ConsumedAsync("FollowUpOverdueConsumer", 2);
        Assert.DoesNotContain((await InboxAsync(Client)).Items, t => t.RecordId == done);
    }

    [Fact]
    public async Task A_scheduled_course_is_to_close_until_completed_and_a_cancellation_before_the_schedule_leaves_none()
    {
        var (id, late) = (Guid.NewGuid(), Guid.NewGuid());
        var course = Course("Lớp đan mây tre", "tien-yen", new DateOnly(2026, 7, 30));
        await ProvesLifecycleAsync(TaskKind.CourseToClose,
            id, CourseScheduled(id, course), CourseCompleted(id, course),
            late, CourseScheduled(late, course), CourseCancelled(late, course));
        var task = Assert.Single(await TasksOfAsync(TaskKind.CourseToClose, id));
        Assert.Equal(($"/training/courses/{id}", new DateOnly(2026, 7, 30)), (task.Link, task.DueOn));
    }

    [Fact]
    public async Task A_certificate_is_to_renew_from_three_months_before_its_expiry_until_it_expires_and_a_revocation_first_leaves_none()
    {
        var (id, late, distant) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ProvesLifecycleAsync(TaskKind.CertificateExpiring,
            id, Recognized(id, "12/2023/CN-TB", "5700000020", new DateOnly(2026, 8, 31)), Expired(id, "12/2023/CN-TB", "5700000020"),
            late, Recognized(late, "13/2023/CN-TB", "5700000021", new DateOnly(2026, 8, 31)), Revoked(late, "13/2023/CN-TB", "5700000021"));

        // Expiring in more than three months: kept, not yet listed.
        await PublishAsync(Recognized(distant, "14/2025/CN-TB", "5700000022", new DateOnly(2028, 12, 31)));
        await ConsumedAsync("ProductRecognizedConsumer", 3);
        Assert.True(Assert.Single(await TasksOfAsync(TaskKind.CertificateExpiring, distant)).IsOpen);
        Assert.Equal(0, (await CountAsync(Client)).Open);
    }

    [Fact]
    public async Task A_fair_is_to_allocate_until_its_booths_are_allocated_and_a_cancellation_before_the_schedule_leaves_none()
    {
        var (id, late) = (Guid.NewGuid(), Guid.NewGuid());
        var fair = Fair("Hội chợ hàng CNNT Quảng Ninh 2026", new DateOnly(2026, 6, 20));
        await ProvesLifecycleAsync(TaskKind.FairToAllocate,
            id, FairScheduled(id, fair), BoothAllocated(id, fair),
            late, FairScheduled(late, fair), FairCancelled(late, fair));
    }

    [Fact]
    public async Task A_complaint_is_to_answer_by_its_due_date_until_answered_and_an_answer_before_the_receipt_leaves_none()
    {
        var (id, late, competition) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var due = new DateOnly(2026, 6, 26);
        await ProvesLifecycleAsync(TaskKind.ComplaintToAnswer,
            id, ComplaintReceived(id, competition, due), ComplaintAnswered(id, competition, due),
            late, ComplaintReceived(late, competition, due), ComplaintAnswered(late, competition, due));
        var task = Assert.Single(await TasksOfAsync(TaskKind.ComplaintToAnswer, id));
        Assert.Equal((due, $"/products/competitions/{competition}", false), (task.DueOn, task.Link, task.ForScopedUsers));
    }

    /// <summary>
    /// The opening event opens the task (listed for the Centre's officer) and its redelivery is skipped by the inbox with one
    /// task left; the closing event closes it. For a second record the closing event comes first: the opening one after it
    /// leaves the task closed.
    /// </summary>
    private async Task ProvesLifecycleAsync<TOpen, TClose, TLateOpen, TEarlyClose>(TaskKind kind,
        Guid record, TOpen open, TClose close, Guid lateRecord, TLateOpen lateOpen, TEarlyClose earlyClose, (int Open, int Close) alreadyConsumed = default)
        where TOpen : class where TClose : class where TLateOpen : class where TEarlyClose : class
    {
        using var duplicates = new Duplicates();
        var (openConsumer, closeConsumer) = (ConsumerOf<TOpen>(), ConsumerOf<TClose>());
        var opened = alreadyConsumed.Open;
        var closed = alreadyConsumed.Close;

        var messageId = Guid.NewGuid();
        await PublishAsync(open, messageId);
        await ConsumedAsync(openConsumer, ++opened);
        Assert.Contains((await InboxAsync(Client, kind)).Items, t => t.RecordId == record);

        await PublishAsync(open, messageId);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(duplicates.Of(openConsumer) >= 1)),
            $"the redelivered {typeof(TOpen).Name} was not recognised");
        Assert.True(Assert.Single(await TasksOfAsync(kind, record)).IsOpen);

        await PublishAsync(close);
        await ConsumedAsync(closeConsumer, ++closed);
        Assert.DoesNotContain((await InboxAsync(Client, kind)).Items, t => t.RecordId == record);
        Assert.False(Assert.Single(await TasksOfAsync(kind, record)).IsOpen);

        var (lateOpenConsumer, earlyCloseConsumer) = (ConsumerOf<TLateOpen>(), ConsumerOf<TEarlyClose>());
        await PublishAsync(earlyClose);
        await ConsumedAsync(earlyCloseConsumer, earlyCloseConsumer == closeConsumer ? ++closed : 1);
        await PublishAsync(lateOpen);
        await ConsumedAsync(lateOpenConsumer, lateOpenConsumer == openConsumer ? ++opened : 1);
        var lateTask = Assert.Single(await TasksOfAsync(kind, lateRecord));
        Assert.True(lateTask.IsKnown);
        Assert.False(lateTask.IsOpen);
        Assert.DoesNotContain((await InboxAsync(Client, kind)).Items, t => t.RecordId == lateRecord);
    }

    private static string ConsumerOf<TMessage>() => $"{typeof(TMessage).Name}Consumer";
}
