namespace KhuyenCong.Contracts.Proposals;

/// <summary>Any move of a proposal through its lifecycle, with who, when and why. Reports count proposals by status from it.</summary>
public sealed record ProposalStatusChanged
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    /// <summary>Position of this move in the proposal's history (1 = created), so consumers can order moves.</summary>
    public required int Sequence { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? ActedBy { get; init; }
    /// <summary>The proposal after the move; absent from messages sent before it was added.</summary>
    public ProposalProfile? Proposal { get; init; }
    /// <summary>
    /// When the establishment's next step after this move is due: the registration deadline of the plan year for a draft,
    /// the planned end of implementation for the acceptance to request; null when no date is set for the step.
    /// </summary>
    public DateOnly? NextStepDueOn { get; init; }
}

/// <summary>A proposal was filed with the Department (registration, đăng ký).</summary>
public sealed record ProposalSubmitted
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    /// <summary>Filed after the registration deadline of its plan year (accepted, but shown as late).</summary>
    public required bool IsLate { get; init; }
    /// <summary>The call for registration the proposal was filed under, if any; absent from messages sent before it was added.</summary>
    public Guid? CallId { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>
/// The Department opened a call for registration (đợt đăng ký) of a plan year and funding source, inviting some content
/// groups, with its deadline: establishments may file proposals under it until then.
/// </summary>
public sealed record RegistrationCallOpened
{
    public required Guid CallId { get; init; }
    public required int PlanYear { get; init; }
    public required FundingSource FundingSource { get; init; }
    public required string Title { get; init; }
    public required DateOnly Deadline { get; init; }
    public required IReadOnlyList<int> ContentGroups { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A call for registration was closed: no more proposals are filed under it.</summary>
public sealed record RegistrationCallClosed
{
    public required Guid CallId { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A decision approved the state support of a proposal.</summary>
public sealed record ProposalApproved
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    public required long ApprovedSupport { get; init; }
    public required string DecisionNumber { get; init; }
    public required DateOnly DecisionDate { get; init; }
    public required decimal AppraisalScore { get; init; }
    public required DateTimeOffset ApprovedAt { get; init; }
    public string? ActedBy { get; init; }
    /// <summary>The approving officer's display name when they approved; absent from messages sent before it was added.</summary>
    public string? ActedByName { get; init; }
    /// <summary>The decision under which the approval went beyond what remained of the budget envelope; absent when it did not.</summary>
    public string? PlanExceedanceDecisionNumber { get; init; }
}

/// <summary>The appraisal council rejected a proposal.</summary>
public sealed record ProposalRejected
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A proposal was cancelled before it ran its course; any advance paid is to be refunded.</summary>
public sealed record ProposalCancelled
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    public required string PreviousStatus { get; init; }
    public required string Reason { get; init; }
    public required long AdvancesPaid { get; init; }
    /// <summary>The written decision that stopped an approved proposal (none before approval).</summary>
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public required DateTimeOffset CancelledAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>An advance of the approved support was paid to the implementing unit.</summary>
public sealed record AdvancePaid
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required Guid PaymentId { get; init; }
    public required long Amount { get; init; }
    /// <summary>All advances paid so far, this one included.</summary>
    public required long TotalAdvanced { get; init; }
    public required long ApprovedSupport { get; init; }
    public required DateOnly PaidOn { get; init; }
    public string? ActedBy { get; init; }
    /// <summary>
    /// The latest day the advances are settled by: the January day after the budget year (Circular 36/2013/TT-BCT, Art. 18.2);
    /// acceptance brings it forward (<see cref="ProposalAccepted.SettlementDueOn"/>). Absent from messages sent before it was added.
    /// </summary>
    public DateOnly? SettleBy { get; init; }
}

/// <summary>(Part of) the balance of the support was paid to the implementing unit after acceptance.</summary>
public sealed record BalancePaid
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required Guid PaymentId { get; init; }
    public required long Amount { get; init; }
    /// <summary>Every payment of the proposal so far, advances and this one included.</summary>
    public required long TotalPaid { get; init; }
    public required DateOnly PaidOn { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A follow-up evaluation that acceptance scheduled.</summary>
public sealed record ScheduledFollowUp
{
    public required Guid FollowUpId { get; init; }
    public required int MonthsAfterAcceptance { get; init; }
    public required DateOnly DueOn { get; init; }
}

/// <summary>Acceptance minutes (nghiệm thu) recorded the actual figures of a proposal.</summary>
public sealed record ProposalAccepted
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    public required long ApprovedSupport { get; init; }
    public required long ActualTotalSpend { get; init; }
    public required long ActualSupportUsed { get; init; }
    public required long ActualOwnCapital { get; init; }
    public required long ActualOtherSources { get; init; }
    public required int JobsCreated { get; init; }
    /// <summary>Average wage in VND per person per month.</summary>
    public required long AverageWage { get; init; }
    public required string Outputs { get; init; }
    public required long AdvancesPaid { get; init; }
    public required DateOnly AcceptedOn { get; init; }
    public required IReadOnlyList<ScheduledFollowUp> FollowUps { get; init; }
    public string? ActedBy { get; init; }
    /// <summary>
    /// The settlement deadline: within the days after acceptance and by the January day after the budget year, whichever
    /// comes first (Circular 36/2013/TT-BCT, Art. 18). Absent from messages sent before it was added.
    /// </summary>
    public DateOnly? SettlementDueOn { get; init; }
}

/// <summary>Settlement (quyết toán) fixed the support the proposal finally receives.</summary>
public sealed record ProposalSettled
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    public required long ApprovedSupport { get; init; }
    public required long SettledSupport { get; init; }
    public required long AdvancesPaid { get; init; }
    /// <summary>Unused advance the implementing unit refunds: advances above the settled support.</summary>
    public required long RefundDue { get; init; }
    /// <summary>What is still to be paid after the advances: settled support above the advances.</summary>
    public required long BalanceDue { get; init; }
    public required DateOnly SettledOn { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A post-support evaluation (đánh giá sau hỗ trợ) was recorded.</summary>
public sealed record FollowUpRecorded
{
    public required Guid FollowUpId { get; init; }
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required DateOnly DueOn { get; init; }
    public required DateOnly EvaluatedOn { get; init; }
    public required bool WasOverdue { get; init; }
    public required long Revenue { get; init; }
    public required int Jobs { get; init; }
    public required long AverageWage { get; init; }
    public required bool EquipmentInUse { get; init; }
    /// <summary>1 (poor) to 5 (very good).</summary>
    public required int Rating { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A follow-up evaluation passed its due date without being recorded.</summary>
public sealed record FollowUpOverdue
{
    public required Guid FollowUpId { get; init; }
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required string District { get; init; }
    public required DateOnly DueOn { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
}
