namespace KhuyenCong.Contracts.Proposals;

/// <summary>
/// The province's list of national proposals (danh mục đề án khuyến công quốc gia) of a plan year went to the Ministry
/// by a dispatch (Circular 36/2013/TT-BCT, Article 10). A list is sent once and never changes after, so the event is
/// published once per list.
/// </summary>
public sealed record NationalSubmissionSent
{
    public required Guid SubmissionId { get; init; }
    public required int PlanYear { get; init; }
    public required string DispatchNumber { get; init; }
    public required DateOnly SentOn { get; init; }
    /// <summary>Sent after 15 June of the year before the plan year: flagged, not refused.</summary>
    public required bool IsLate { get; init; }
    /// <summary>The proposals of the list, each with the national support the province asks for it.</summary>
    public required IReadOnlyList<NationalProposalSent> Proposals { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>One proposal of a list sent to the Ministry: where it is and the support (VND) asked of the national budget.</summary>
public sealed record NationalProposalSent
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required ContentGroup ContentGroup { get; init; }
    public required string District { get; init; }
    public required long RequestedSupport { get; init; }
}

/// <summary>
/// The Ministry's decision on one proposal of a sent list, recorded by the Centre: put into the national plan with an
/// approved amount, or not selected. A decision is recorded once and never changed, so the event is published once per
/// proposal of the list.
/// </summary>
public sealed record NationalDecisionRecorded
{
    public const string Approved = "Approved";
    public const string NotSelected = "NotSelected";

    public required Guid SubmissionId { get; init; }
    public required int PlanYear { get; init; }
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    /// <summary><see cref="Approved"/> or <see cref="NotSelected"/>.</summary>
    public required string Outcome { get; init; }
    /// <summary>The amount the Ministry approved (VND); null when it did not select the proposal.</summary>
    public long? ApprovedSupport { get; init; }
    public required string DecisionNumber { get; init; }
    public required DateOnly DecisionDate { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public string? RecordedBy { get; init; }
}
