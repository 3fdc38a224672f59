using KhuyenCong.Notifications.Domain;
using KhuyenCong.TestSupport;
using Xunit;
using static KhuyenCong.Notifications.Tests.Events;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// The establishment's next step on each of its proposals: one task per proposal that follows the proposal's moves, seen by
/// the establishment and its district, whatever order the moves arrive in and however often.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class NextStepTaskTests(PostgresServer postgres, RabbitMqServer rabbit) : NotificationsApp(postgres, rabbit)
{
    private const string TaxCode = "5700000301";
    private static readonly TestUser Owner = TestUser.Establishment(TaxCode);

    private async Task<List<TaskItemView>> StepsOfAsync(TestUser user) =>
        [.. (await InboxAsync(ClientAs(user), TaskKind.EstablishmentNextStep)).Items.Select(t => new TaskItemView(t.RecordId, t.Title, t.DueOn))];

    private sealed record TaskItemView(Guid RecordId, string Title, DateOnly? DueOn);

    [Fact]
    public async Task A_draft_is_the_establishment_s_step_until_filed_and_the_step_follows_the_proposal_until_its_acceptance()
    {
        await KnowEstablishmentAsync(TaxCode, "ha-long");
        var (id, profile) = (Guid.NewGuid(), Profile("DA-2026-301", "ha-long", TaxCode));
        using var duplicates = new Duplicates();
        var draftMessage = Guid.NewGuid();
        await PublishAsync(Moved(id, profile, 1, "Draft", new DateOnly(2025, 5, 20)), draftMessage);
        await ConsumedAsync("ProposalStatusChangedConsumer", 1);
        await PublishAsync(Moved(id, profile, 1, "Draft", new DateOnly(2025, 5, 20)), draftMessage);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(duplicates.Of("ProposalStatusChangedConsumer") >= 1)),
            "the redelivered ProposalStatusChanged was not recognised");

        var draft = Assert.Single(await StepsOfAsync(Owner));
        Assert.Equal((id, $"Hoàn thiện và nộp đề án: {profile.Title}", new DateOnly(2025, 5, 20)), (draft.RecordId, draft.Title, draft.DueOn));
        Assert.Equal([id], (await StepsOfAsync(TestUser.DistrictOfficer("ha-long"))).Select(t => t.RecordId));
        Assert.Empty(await StepsOfAsync(TestUser.Establishment("5700000399")));
        Assert.Empty(await StepsOfAsync(TestUser.DistrictOfficer("tien-yen")));

        // Filed and under appraisal the proposal waits for the Centre; returned, it is the establishment's again.
        await PublishAsync(Moved(id, profile, 2, "Submitted"));
        await ConsumedAsync("ProposalStatusChangedConsumer", 2);
        Assert.Empty(await StepsOfAsync(Owner));
        await PublishAsync(Moved(id, profile, 3, "UnderAppraisal"));
        await PublishAsync(Moved(id, profile, 4, "ReturnedForRevision"));
        await ConsumedAsync("ProposalStatusChangedConsumer", 4);
        Assert.Equal($"Chỉnh sửa và nộp lại đề án: {profile.Title}", Assert.Single(await StepsOfAsync(Owner)).Title);

        await PublishAsync(Moved(id, profile, 5, "Submitted"));
        await PublishAsync(Moved(id, profile, 6, "UnderAppraisal"));
        await PublishAsync(Moved(id, profile, 7, "Approved"));
        await ConsumedAsync("ProposalStatusChangedConsumer", 7);
        Assert.Equal($"Ký hợp đồng thực hiện đề án: {profile.Title}", Assert.Single(await StepsOfAsync(Owner)).Title);
        await PublishAsync(Moved(id, profile, 8, "InImplementation", new DateOnly(2026, 11, 30)));
        await ConsumedAsync("ProposalStatusChangedConsumer", 8);
        Assert.Equal(new DateOnly(2026, 11, 30), Assert.Single(await StepsOfAsync(Owner)).DueOn);

        await PublishAsync(Moved(id, profile, 9, "Accepted"));
        await ConsumedAsync("ProposalStatusChangedConsumer", 9);
        Assert.Empty(await StepsOfAsync(Owner));
        var task = Assert.Single(await TasksOfAsync(TaskKind.EstablishmentNextStep, id));
        Assert.Equal((9, false), (task.Sequence, task.IsOpen));
    }

    [Fact]
    public async Task A_move_arriving_after_a_later_one_changes_nothing_and_a_filing_before_its_draft_leaves_no_task_open()
    {
        var (id, profile) = (Guid.NewGuid(), Profile("DA-2026-302", "ha-long", TaxCode));
        await PublishAsync(Moved(id, profile, 2, "Submitted"));
        await ConsumedAsync("ProposalStatusChangedConsumer", 1);
        await PublishAsync(Moved(id, profile, 1, "Draft", new DateOnly(2025, 5, 20)));
        await ConsumedAsync("ProposalStatusChangedConsumer", 2);
        Assert.Empty(await StepsOfAsync(Owner));
        Assert.False(Assert.Single(await TasksOfAsync(TaskKind.EstablishmentNextStep, id)).IsOpen);

        // Returned, then a stale appraisal move: the step to revise stays.
        await PublishAsync(Moved(id, profile, 4, "ReturnedForRevision"));
        await ConsumedAsync("ProposalStatusChangedConsumer", 3);
        await PublishAsync(Moved(id, profile, 3, "UnderAppraisal"));
        await ConsumedAsync("ProposalStatusChangedConsumer", 4);
        Assert.Equal(id, Assert.Single(await StepsOfAsync(Owner)).RecordId);

        // A cancellation, whenever it arrives after the return, closes the step for good.
        await PublishAsync(Moved(id, profile, 5, "Cancelled"));
        await ConsumedAsync("ProposalStatusChangedConsumer", 5);
        Assert.Empty(await StepsOfAsync(Owner));
    }

    [Fact]
    public async Task A_move_published_before_moves_carried_their_proposal_opens_nothing()
    {
        var id = Guid.NewGuid();
        await PublishAsync(Moved(id, Profile("DA-2026-303", "ha-long", TaxCode), 1, "Draft") with { Proposal = null });
        await ConsumedAsync("ProposalStatusChangedConsumer", 1);
        Assert.Empty(await TasksOfAsync(TaskKind.EstablishmentNextStep, id));
    }

    [Fact]
    public async Task Moves_consumed_at_once_leave_the_step_of_the_latest()
    {
        var (id, profile) = (Guid.NewGuid(), Profile("DA-2026-304", "ha-long", TaxCode));
        await PublishAsync(Moved(id, profile, 1, "Draft", new DateOnly(2025, 5, 20)));
        await ConsumedAsync("ProposalStatusChangedConsumer", 1);

        // Returned and appraised again, over and over, every move at once and newest first: each consumer reads the task
        // at move 1, and a move that commits after a later one changes nothing.
        const int moves = 40;
        await Task.WhenAll(Enumerable.Range(2, moves - 1).Reverse()
            .Select(sequence => PublishAsync(Moved(id, profile, sequence, sequence % 2 == 0 ? "ReturnedForRevision" : "UnderAppraisal"))));
        await ConsumedAsync("ProposalStatusChangedConsumer", moves);

        var task = Assert.Single(await TasksOfAsync(TaskKind.EstablishmentNextStep, id));
        Assert.Equal((moves, true, $"Chỉnh sửa và nộp lại đề án: {profile.Title}"), (task.Sequence, task.IsOpen, task.Title));
    }
}
