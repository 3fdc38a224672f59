namespace KhuyenCong.Contracts.Proposals;

/// <summary>A seat of an appraisal council: the member (the seat's id) and the user account that fills its score sheet.</summary>
public sealed record AppraisalSeat
{
    public required Guid MemberId { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }
    public required bool IsChair { get; init; }
}

/// <summary>
/// An appraisal council was formed for a round of a proposal's appraisal: each seat's member owes a score sheet by
/// <see cref="SheetsDueOn"/> (the Proposals service's setting counted from the day the council was formed).
/// </summary>
public sealed record AppraisalCouncilFormed
{
    public required Guid ProposalId { get; init; }
    public required ProposalProfile Proposal { get; init; }
    public required Guid AppraisalId { get; init; }
    public required int Round { get; init; }
    public required IReadOnlyList<AppraisalSeat> Seats { get; init; }
    public required DateOnly SheetsDueOn { get; init; }
    public required DateTimeOffset FormedAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A council member filled the score sheet of their seat.</summary>
public sealed record AppraisalSheetSubmitted
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required Guid AppraisalId { get; init; }
    public required Guid MemberId { get; init; }
    public required string UserId { get; init; }
    /// <summary>The sheet's total out of 100.</summary>
    public required int Total { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>A council member declared a conflict of interest and takes no part in this appraisal: their seat owes no sheet.</summary>
public sealed record AppraisalMemberSteppedOut
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required Guid AppraisalId { get; init; }
    public required Guid MemberId { get; init; }
    public required string UserId { get; init; }
    public required DateTimeOffset SteppedOutAt { get; init; }
}

/// <summary>
/// A round of appraisal ended: completed by the council, or left when the proposal was returned, rejected or cancelled
/// before it completed. <see cref="MemberIds"/> names every seat, so the seats' sheets owed end with it.
/// </summary>
public sealed record AppraisalEnded
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required Guid AppraisalId { get; init; }
    public required int Round { get; init; }
    public required IReadOnlyList<Guid> MemberIds { get; init; }
    /// <summary>Completed, or the status the proposal moved to (ReturnedForRevision, Rejected, Cancelled).</summary>
    public required string Outcome { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
}
