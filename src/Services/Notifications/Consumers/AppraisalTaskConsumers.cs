using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using MassTransit;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// Each seat of a newly formed appraisal council owes its score sheet: one task per seat (the member's id is the record),
/// assigned to the seat's own account and seen by nobody else.
/// </summary>
public sealed class AppraisalCouncilFormedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<AppraisalCouncilFormed>(db, time)
{
    protected override async Task HandleAsync(AppraisalCouncilFormed message, ConsumeContext<AppraisalCouncilFormed> context)
    {
        foreach (var seat in message.Seats)
        {
            await OpenAsync(TaskKind.ScoreSheetToFill, seat.MemberId,
                new TaskDetails(message.Proposal.Code, $"Phiếu thẩm định: {message.Proposal.Title}", message.SheetsDueOn,
                    ProposalTasks.Link(message.ProposalId), ForScopedUsers: false, message.Proposal.AdministrativeUnitCode,
                    message.Proposal.EstablishmentTaxCodes, AssigneeUserId: seat.UserId),
                context.CancellationToken);
        }
    }
}

public sealed class AppraisalSheetSubmittedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<AppraisalSheetSubmitted>(db, time)
{
    protected override Task HandleAsync(AppraisalSheetSubmitted message, ConsumeContext<AppraisalSheetSubmitted> context) =>
        CloseAsync(TaskKind.ScoreSheetToFill, message.MemberId, context.CancellationToken);
}

/// <summary>A member who stepped out for a conflict of interest owes no sheet.</summary>
public sealed class AppraisalMemberSteppedOutConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<AppraisalMemberSteppedOut>(db, time)
{
    protected override Task HandleAsync(AppraisalMemberSteppedOut message, ConsumeContext<AppraisalMemberSteppedOut> context) =>
        CloseAsync(TaskKind.ScoreSheetToFill, message.MemberId, context.CancellationToken);
}

/// <summary>When the round ends, completed or abandoned, no seat of it owes a sheet any more.</summary>
public sealed class AppraisalEndedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<AppraisalEnded>(db, time)
{
    protected override async Task HandleAsync(AppraisalEnded message, ConsumeContext<AppraisalEnded> context)
    {
        foreach (var memberId in message.MemberIds)
        {
            await CloseAsync(TaskKind.ScoreSheetToFill, memberId, context.CancellationToken);
        }
    }
}
