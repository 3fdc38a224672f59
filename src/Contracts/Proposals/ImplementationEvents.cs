namespace KhuyenCong.Contracts.Proposals;

/// <summary>
/// A decision amended an approved proposal (điều chỉnh, gia hạn): its approved support, budget lines or
/// planned end. <see cref="Proposal"/> is the profile after the amendment; <see cref="Revision"/> numbers
/// the proposal's amendments from 1, so a consumer keeps the figures of the highest one it has seen.
/// </summary>
public sealed record ProposalAmended
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    public required int Revision { get; init; }
    public required string DecisionNumber { get; init; }
    public required DateOnly DecisionDate { get; init; }
    public required string Reason { get; init; }
    public required long PreviousApprovedSupport { get; init; }
    public required long ApprovedSupport { get; init; }
    public DateOnly? PreviousPlannedEndOn { get; init; }
    public DateOnly? PlannedEndOn { get; init; }
    public required long AdvancesPaid { get; init; }
    public required DateTimeOffset AmendedAt { get; init; }
    public string? ActedBy { get; init; }
    /// <summary>The decision under which the amendment raised the support beyond what remained of the budget envelope; absent when it did not.</summary>
    public string? PlanExceedanceDecisionNumber { get; init; }
}

/// <summary>
/// The implementing unit returned unused support (hoàn trả): advances above the settled support, or the
/// advances of a cancelled proposal.
/// </summary>
public sealed record RefundRecorded
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required Guid RefundId { get; init; }
    public required long Amount { get; init; }
    /// <summary>All refunds of the proposal so far, this one included.</summary>
    public required long TotalRefunded { get; init; }
    /// <summary>What is still to be refunded after this one.</summary>
    public required long RefundOutstanding { get; init; }
    public required DateOnly RefundedOn { get; init; }
    public required string DocumentNumber { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>
/// The monthly progress report a proposal in implementation owes next (Circular 36/2013/TT-BCT, Art. 23.3.a: the
/// implementing unit reports its progress every month before the 25th): the earliest month from the contract's with no
/// report, and the day it is due. Published when the implementation starts and whenever a report moves that month on;
/// as reports are only ever added, a later <see cref="Period"/> supersedes an earlier one. The implementation's end
/// (ProposalAccepted, ProposalCancelled) ends the obligation.
/// </summary>
public sealed record ProgressReportDue
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    /// <summary>The month the report covers (its first day).</summary>
    public required DateOnly Period { get; init; }
    public required DateOnly DueOn { get; init; }
    public required DateTimeOffset At { get; init; }
}
