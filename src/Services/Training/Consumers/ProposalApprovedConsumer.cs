using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.Messaging;
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
        Db.Courses.Add(Course.PlanFromProposal(
            message.ProposalId, proposal.Code, (int)proposal.ContentGroup, proposal.Title,
            new CourseLocation(proposal.AdministrativeUnitCode, proposal.Location, proposal.District),
            proposal.PlanYear, message.ApprovedSupport, time.GetUtcNow()));
    }
}
