using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Api;

/// <summary>Maps amendments and refunds to the integration events other services rely on.</summary>
internal static class ImplementationEvents
{
    public static ProposalAmended Amended(Proposal p, Amendment a) => new()
    {
        ProposalId = p.Id,
        Proposal = ProposalEvents.Profile(p),
        Revision = a.Sequence,
        DecisionNumber = a.DecisionNumber,
        DecisionDate = a.DecisionDate,
        Reason = a.Reason,
        PreviousApprovedSupport = a.ApprovedSupportBefore,
        ApprovedSupport = a.ApprovedSupportAfter,
        PreviousPlannedEndOn = a.PlannedEndBefore,
        PlannedEndOn = a.PlannedEndAfter,
        AdvancesPaid = p.AdvancesPaid,
        AmendedAt = a.AmendedAt,
        ActedBy = a.AmendedBy,
        PlanExceedanceDecisionNumber = a.ExceedanceDecisionNumber,
    };

    public static RefundRecorded Refunded(Proposal p, Refund r) => new()
    {
        ProposalId = p.Id,
        Code = p.Code,
        RefundId = r.Id,
        Amount = r.Amount,
        TotalRefunded = p.Refunded,
        RefundOutstanding = p.RefundOutstanding,
        RefundedOn = r.RefundedOn,
        DocumentNumber = r.DocumentNumber,
        ActedBy = r.RecordedBy,
    };
}
