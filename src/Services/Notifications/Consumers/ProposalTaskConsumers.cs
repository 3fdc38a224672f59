using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using MassTransit;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>Where the web UI shows a proposal, and what every task about one repeats.</summary>
internal static class ProposalTasks
{
    /// <summary>Settlement is due within 15 days of the acceptance, for an acceptance whose message does not carry its deadline.</summary>
    public const int SettlementDays = 15;

    public static string Link(Guid proposalId) => $"/proposals/{proposalId}";

    public static TaskDetails Details(Guid proposalId, ProposalProfile proposal, DateOnly? dueOn, bool forScopedUsers) =>
        new(proposal.Code, proposal.Title, dueOn, Link(proposalId), forScopedUsers, proposal.AdministrativeUnitCode, proposal.EstablishmentTaxCodes);
}

/// <summary>A filed proposal waits for the Centre's appraisal and decision.</summary>
public sealed class ProposalSubmittedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalSubmitted>(db, time)
{
    protected override Task HandleAsync(ProposalSubmitted message, ConsumeContext<ProposalSubmitted> context) =>
        OpenAsync(TaskKind.ProposalToDecide, message.ProposalId,
            ProposalTasks.Details(message.ProposalId, message.Proposal, null, forScopedUsers: false), context.CancellationToken);
}

public sealed class ProposalApprovedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalApproved>(db, time)
{
    protected override Task HandleAsync(ProposalApproved message, ConsumeContext<ProposalApproved> context) =>
        CloseAsync(TaskKind.ProposalToDecide, message.ProposalId, context.CancellationToken);
}

public sealed class ProposalRejectedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalRejected>(db, time)
{
    protected override Task HandleAsync(ProposalRejected message, ConsumeContext<ProposalRejected> context) =>
        CloseAsync(TaskKind.ProposalToDecide, message.ProposalId, context.CancellationToken);
}

/// <summary>A cancelled proposal is neither decided nor settled; its advances, if any, are to be refunded.</summary>
public sealed class ProposalCancelledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalCancelled>(db, time)
{
    protected override async Task HandleAsync(ProposalCancelled message, ConsumeContext<ProposalCancelled> context)
    {
        await CloseAsync(TaskKind.ProposalToDecide, message.ProposalId, context.CancellationToken);
        await CloseAsync(TaskKind.SettlementDue, message.ProposalId, context.CancellationToken);
        if (message.AdvancesPaid > 0)
        {
            await OpenAsync(TaskKind.RefundDue, message.ProposalId,
                ProposalTasks.Details(message.ProposalId, message.Proposal, null, forScopedUsers: true), context.CancellationToken);
        }
    }
}

/// <summary>Acceptance schedules the follow-up evaluations and starts the settlement's 15 days.</summary>
public sealed class ProposalAcceptedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalAccepted>(db, time)
{
    protected override async Task HandleAsync(ProposalAccepted message, ConsumeContext<ProposalAccepted> context)
    {
        await OpenAsync(TaskKind.SettlementDue, message.ProposalId,
            ProposalTasks.Details(message.ProposalId, message.Proposal,
                message.SettlementDueOn ?? message.AcceptedOn.AddDays(ProposalTasks.SettlementDays), forScopedUsers: false),
            context.CancellationToken);
        foreach (var followUp in message.FollowUps)
        {
            await OpenAsync(TaskKind.FollowUpDue, followUp.FollowUpId,
                ProposalTasks.Details(message.ProposalId, message.Proposal, followUp.DueOn, forScopedUsers: true), context.CancellationToken);
        }
    }
}

public sealed class ProposalSettledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalSettled>(db, time)
{
    protected override async Task HandleAsync(ProposalSettled message, ConsumeContext<ProposalSettled> context)
    {
        await CloseAsync(TaskKind.SettlementDue, message.ProposalId, context.CancellationToken);
        if (message.RefundDue > 0)
        {
            await OpenAsync(TaskKind.RefundDue, message.ProposalId,
                ProposalTasks.Details(message.ProposalId, message.Proposal, null, forScopedUsers: true), context.CancellationToken);
        }
    }
}

/// <summary>The refund task closes once nothing is left to refund.</summary>
public sealed class RefundRecordedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<RefundRecorded>(db, time)
{
    protected override async Task HandleAsync(RefundRecorded message, ConsumeContext<RefundRecorded> context)
    {
        if (message.RefundOutstanding <= 0)
        {
            await CloseAsync(TaskKind.RefundDue, message.ProposalId, context.CancellationToken);
        }
    }
}

/// <summary>
/// The monitor found a follow-up late. The acceptance that scheduled it already opened its task with the proposal's
/// establishments and unit; when this comes first the Centre's officers see the task until that acceptance arrives.
/// </summary>
public sealed class FollowUpOverdueConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<FollowUpOverdue>(db, time)
{
    protected override async Task HandleAsync(FollowUpOverdue message, ConsumeContext<FollowUpOverdue> context)
    {
        var task = await TaskAsync(TaskKind.FollowUpDue, message.FollowUpId, context.CancellationToken);
        if (!task.IsKnown)
        {
            task.Describe(new TaskDetails(message.Code, message.Code, message.DueOn, ProposalTasks.Link(message.ProposalId),
                ForScopedUsers: true, AdministrativeUnitCode: null, EstablishmentTaxCodes: []), Now);
        }
    }
}

public sealed class FollowUpRecordedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<FollowUpRecorded>(db, time)
{
    protected override Task HandleAsync(FollowUpRecorded message, ConsumeContext<FollowUpRecorded> context) =>
        CloseAsync(TaskKind.FollowUpDue, message.FollowUpId, context.CancellationToken);
}

/// <summary>
/// The establishment's next step on its proposal follows the proposal's moves: one task per proposal, described by the
/// step the new status calls for, closed while the Centre has the proposal or once nothing is left for the establishment
/// to do (its follow-up visits are tasks of their own). Messages from before the move carried its proposal are skipped.
/// </summary>
public sealed class ProposalStatusChangedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalStatusChanged>(db, time)
{
    protected override async Task HandleAsync(ProposalStatusChanged message, ConsumeContext<ProposalStatusChanged> context)
    {
        if (message.Proposal is not { } proposal)
        {
            return;
        }
        var step = NextStepOf(message.To);
        var details = step is null ? null : ProposalTasks.Details(message.ProposalId, proposal, message.NextStepDueOn, forScopedUsers: true) with
        {
            Title = $"{step}: {proposal.Title}",
        };
        (await TaskAsync(TaskKind.EstablishmentNextStep, message.ProposalId, context.CancellationToken))
            .Follow(message.Sequence, details, $"{nameof(ProposalStatusChanged)}:{message.To}", Now);
    }

    /// <summary>What the establishment does next on a proposal in the status; null while it waits for the Centre or is done.</summary>
    internal static string? NextStepOf(string status) => status switch
    {
        "Draft" => "Hoàn thiện và nộp đề án",
        "ReturnedForRevision" => "Chỉnh sửa và nộp lại đề án",
        "Approved" => "Ký hợp đồng thực hiện đề án",
        "InImplementation" => "Thực hiện và đề nghị nghiệm thu đề án",
        _ => null,
    };
}
