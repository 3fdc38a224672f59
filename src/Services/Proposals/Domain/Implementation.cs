namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// A monthly progress report (báo cáo tiến độ) of a proposal in implementation: the month it covers
/// (<see cref="Period"/>, its first day), how far the work is, the spend to date by source, and what held
/// it up. <see cref="RegressionReason"/> explains a percentage below an earlier month's.
/// </summary>
public sealed record ProgressReport(
    Guid Id, DateOnly Period, int PercentDone, long StateSupportSpent, long OwnCapitalSpent, long OtherSourcesSpent,
    string Notes, string? RegressionReason, DateTimeOffset ReportedAt, string ReportedBy);

/// <summary>What a progress report states; the proposal records who and when.</summary>
public sealed record ProgressStatement(
    DateOnly Period, int PercentDone, long StateSupportSpent, long OwnCapitalSpent, long OtherSourcesSpent, string Notes, string? RegressionReason);

/// <summary>
/// What an amendment decision (quyết định điều chỉnh) changes; a null field stays as it is. The approved
/// support and the budget lines are in VND; <see cref="PlannedEndOn"/> extends the implementation.
/// </summary>
public sealed record AmendmentDecision(
    string DecisionNumber, DateOnly DecisionDate, string Reason,
    long? ApprovedSupport, long? OwnCapital, long? OtherSources, DateOnly? PlannedEndOn);

/// <summary>
/// An amendment as recorded, for good: the decision, and every changed figure old → new (unchanged ones
/// repeat). <see cref="SupportLimit"/> is what the norm in force on the decision date allowed. A raise of the
/// support beyond what remained of the budget envelope carries the decision that allowed it (quyết định điều
/// chỉnh vượt kế hoạch) and <see cref="RemainingBefore"/>, the room left in the envelope before the raise.
/// </summary>
public sealed record Amendment(
    int Sequence, string DecisionNumber, DateOnly DecisionDate, string Reason,
    long ApprovedSupportBefore, long ApprovedSupportAfter,
    long OwnCapitalBefore, long OwnCapitalAfter, long OtherSourcesBefore, long OtherSourcesAfter,
    DateOnly? PlannedEndBefore, DateOnly? PlannedEndAfter,
    Guid NormId, long SupportLimit, DateTimeOffset AmendedAt, string AmendedBy,
    string? ExceedanceDecisionNumber = null, DateOnly? ExceedanceDecisionDate = null, string? ExceedanceReason = null, long? RemainingBefore = null)
{
    /// <summary>Whether the amendment raised the support beyond what remained of the envelope.</summary>
    public bool ExceedsPlan => ExceedanceDecisionNumber is not null;
}

/// <summary>The written decision that stops an approved proposal (quyết định ngừng triển khai).</summary>
public sealed record CancellationDecision(string DecisionNumber, DateOnly DecisionDate);

/// <summary>Support returned by the implementing unit (hoàn trả), with the document that records it.</summary>
public sealed record Refund(Guid Id, long Amount, DateOnly RefundedOn, string DocumentNumber, DateTimeOffset RecordedAt, string RecordedBy);
