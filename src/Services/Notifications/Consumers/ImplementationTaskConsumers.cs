using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using MassTransit;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// The monthly progress report a proposal owes next (Circular 36/2013/TT-BCT, Art. 23.3.a: the implementing unit reports
/// every month before the 25th), for the Centre and the establishment: one task per proposal, shown from the first day of
/// the month it covers, moved on to the next month owed as reports are recorded. A month earlier than one applied is stale.
/// </summary>
public sealed class ProgressReportDueConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProgressReportDue>(db, time)
{
    protected override async Task HandleAsync(ProgressReportDue message, ConsumeContext<ProgressReportDue> context)
    {
        var details = ProposalTasks.Details(message.ProposalId, message.Proposal, message.DueOn, forScopedUsers: true) with
        {
            Title = $"Báo cáo tiến độ tháng {message.Period:MM/yyyy}: {message.Proposal.Title}",
            ShownFrom = message.Period,
        };
        (await TaskAsync(TaskKind.ProgressReportDue, message.ProposalId, context.CancellationToken))
            .MoveOn(message.Period.Year * 12 + message.Period.Month, details, Now);
    }
}

/// <summary>
/// Advances paid and not settled, the Centre's to settle: one task per proposal, due by the latest settlement deadline its
/// events gave (the January day after the budget year, brought forward by the acceptance's deadline, whichever order they come in).
/// </summary>
public sealed class AdvancePaidConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<AdvancePaid>(db, time)
{
    protected override async Task HandleAsync(AdvancePaid message, ConsumeContext<AdvancePaid> context)
    {
        var task = await TaskAsync(TaskKind.AdvanceToSettle, message.ProposalId, context.CancellationToken);
        if (message.SettleBy is { } settleBy)
        {
            task.BringForward(settleBy);
        }
        task.Describe(new TaskDetails(message.Code, $"Quyết toán tạm ứng của đề án {message.Code}", task.DueOn,
            ProposalTasks.Link(message.ProposalId), ForScopedUsers: false, AdministrativeUnitCode: null, EstablishmentTaxCodes: []), Now);
    }
}

/// <summary>
/// Acceptance ends the implementation: no more progress reports are owed, and the advances are due by the settlement deadline
/// it sets (sooner than the year's end).
/// </summary>
public sealed class ImplementationAcceptedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalAccepted>(db, time)
{
    protected override async Task HandleAsync(ProposalAccepted message, ConsumeContext<ProposalAccepted> context)
    {
        await CloseAsync(TaskKind.ProgressReportDue, message.ProposalId, context.CancellationToken);
        if (message.AdvancesPaid > 0 && message.SettlementDueOn is { } settleBy)
        {
            (await TaskAsync(TaskKind.AdvanceToSettle, message.ProposalId, context.CancellationToken)).BringForward(settleBy);
        }
    }
}

/// <summary>A cancellation ends the implementation and its advances become a refund (a task of its own).</summary>
public sealed class ImplementationCancelledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalCancelled>(db, time)
{
    protected override async Task HandleAsync(ProposalCancelled message, ConsumeContext<ProposalCancelled> context)
    {
        await CloseAsync(TaskKind.ProgressReportDue, message.ProposalId, context.CancellationToken);
        await CloseAsync(TaskKind.AdvanceToSettle, message.ProposalId, context.CancellationToken);
    }
}

/// <summary>The settlement covers the advances unless some of them are to be refunded: then the refund settles them.</summary>
public sealed class AdvanceSettledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProposalSettled>(db, time)
{
    protected override async Task HandleAsync(ProposalSettled message, ConsumeContext<ProposalSettled> context)
    {
        if (message.RefundDue <= 0)
        {
            await CloseAsync(TaskKind.AdvanceToSettle, message.ProposalId, context.CancellationToken);
        }
    }
}

/// <summary>The balance is paid after acceptance against the support due, the advances counted in it: they are settled.</summary>
public sealed class AdvanceBalancePaidConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<BalancePaid>(db, time)
{
    protected override Task HandleAsync(BalancePaid message, ConsumeContext<BalancePaid> context) =>
        CloseAsync(TaskKind.AdvanceToSettle, message.ProposalId, context.CancellationToken);
}

/// <summary>Advances above the settled support are settled once nothing is left to refund.</summary>
public sealed class AdvanceRefundedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<RefundRecorded>(db, time)
{
    protected override async Task HandleAsync(RefundRecorded message, ConsumeContext<RefundRecorded> context)
    {
        if (message.RefundOutstanding <= 0)
        {
            await CloseAsync(TaskKind.AdvanceToSettle, message.ProposalId, context.CancellationToken);
        }
    }
}
