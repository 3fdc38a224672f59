namespace KhuyenCong.Contracts.Proposals;

/// <summary>
/// A decision approved a version of the annual khuyến công plan (kế hoạch khuyến công năm) of a plan year and funding
/// source: the first version is the plan itself, each later one a revision (điều chỉnh kế hoạch). An approved version
/// is never changed, so the event is published once per version; the plan in force is its highest approved version.
/// </summary>
public sealed record AnnualPlanApproved
{
    public required Guid PlanId { get; init; }
    public required int PlanYear { get; init; }
    public required FundingSource FundingSource { get; init; }
    /// <summary>1 for the plan, 2 and on for its revisions.</summary>
    public required int VersionNumber { get; init; }
    public required string DecisionNumber { get; init; }
    public required DateOnly DecisionDate { get; init; }
    public required DateTimeOffset ApprovedAt { get; init; }
    /// <summary>The proposals of the version, in the plan's ranking, each with the support planned for it that year.</summary>
    public required IReadOnlyList<AnnualPlanItem> Items { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>One proposal in an approved version of the plan: where it is and the support (VND) the plan gives it.</summary>
public sealed record AnnualPlanItem
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required ContentGroup ContentGroup { get; init; }
    public required string District { get; init; }
    /// <summary>The support planned for the proposal in the plan year: its approved support, else the support it asks.</summary>
    public required long PlannedSupport { get; init; }
}
