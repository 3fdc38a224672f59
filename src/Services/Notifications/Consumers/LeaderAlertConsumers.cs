using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using MassTransit;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// A proposal approved beyond what remained of its budget envelope, under a decision: the leaders' alert until its support is
/// final (settled) or it is cancelled.
/// </summary>
public sealed class OverPlanApprovalConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalApproved>(db, time)
{
    protected override async Task HandleAsync(ProposalApproved message, ConsumeContext<ProposalApproved> context)
    {
        if (message.PlanExceedanceDecisionNumber is not { } decision)
        {
            return;
        }
        await OpenAsync(TaskKind.OverPlanApproval, message.ProposalId,
            ProposalTasks.Details(message.ProposalId, message.Proposal, null, forScopedUsers: false) with
            {
                Title = $"Phê duyệt vượt dự toán theo Quyết định {decision}: {message.Proposal.Title} ({message.ApprovedSupport:N0} đồng)",
            },
            context.CancellationToken);
    }
}

public sealed class OverPlanSettledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalSettled>(db, time)
{
    protected override Task HandleAsync(ProposalSettled message, ConsumeContext<ProposalSettled> context) =>
        CloseAsync(TaskKind.OverPlanApproval, message.ProposalId, context.CancellationToken);
}

public sealed class OverPlanCancelledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalCancelled>(db, time)
{
    protected override Task HandleAsync(ProposalCancelled message, ConsumeContext<ProposalCancelled> context) =>
        CloseAsync(TaskKind.OverPlanApproval, message.ProposalId, context.CancellationToken);
}
