using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Messaging;
using KhuyenCong.Training.Api;
using KhuyenCong.Training.Data;
using KhuyenCong.Training.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Consumers;

/// <summary>
/// An approved proposal of content group 1 or 2 funds a course: a Planned course linked to it is
/// created once. The inbox absorbs redelivery; the unique funding-proposal index and the check below
/// absorb the same approval arriving again under another message id.
/// </summary>
public sealed class ProposalApprovedConsumer(TrainingDbContext db, TimeProvider time)
    : IdempotentConsumer<ProposalApproved, TrainingDbContext>(db)
{
    protected override async Task HandleAsync(ProposalApproved message, ConsumeContext<ProposalApproved> context)
    {
        var proposal = message.Proposal;
        if (proposal.ContentGroup is not (ContentGroup.VocationalTraining or ContentGroup.CapacityBuilding))
        {
            return;
        }
        if (await Db.Courses.AnyAsync(c => c.FundingProposalId == message.ProposalId, context.CancellationToken))
        {
            return;
        }
        var course = Course.PlanFromProposal(
            message.ProposalId, proposal.Code, (int)proposal.ContentGroup, proposal.Title,
            new CourseLocation(proposal.AdministrativeUnitCode, proposal.Location, proposal.District),
            proposal.PlanYear, message.ApprovedSupport, time.GetUtcNow());
        Db.Courses.Add(course);
        // The approval plans the course: the history names the officer who approved, or, for a message sent before
        // the approver's name travelled with it, the proposal the course came from.
        var (actedBy, actedByName) = message.ActedByName is { Length: > 0 } name
            ? (message.ActedBy ?? CourseHistory.FromProposal, name)
            : (CourseHistory.FromProposal, CourseHistory.FromProposalName(proposal.Code));
        Db.Record(HistoryEntry.Of(course.Id, CourseHistory.CreatedFromProposal, actedBy, actedByName, course.CreatedAt) with
        {
            OccurredOn = message.DecisionDate,
            Amount = message.ApprovedSupport,
            Document = message.DecisionNumber,
            Subject = proposal.Code,
        });
    }
}
