namespace KhuyenCong.Contracts.Proposals;

/// <summary>
/// A decision approved the state support of a proposal. It repeats the proposal's figures so that a
/// consumer needs no earlier event and never calls back. Amounts are whole VND (đồng).
/// </summary>
public sealed record ProposalApproved
{
    public required Guid ProposalId { get; init; }
    public required string Code { get; init; }
    public required string Title { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required string District { get; init; }
    public required ContentGroup ContentGroup { get; init; }
    public required FundingSource FundingSource { get; init; }
    public required int PlanYear { get; init; }
    public required long TotalBudget { get; init; }
    public required long RequestedStateSupport { get; init; }
    public required long OwnCapital { get; init; }
    public required long OtherSources { get; init; }
    public required long ApprovedSupport { get; init; }
    public required string DecisionNumber { get; init; }
    public required DateOnly DecisionDate { get; init; }
    public required DateTimeOffset ApprovedAt { get; init; }
}
