namespace KhuyenCong.Contracts.Proposals;

/// <summary>A proposal was filed with the Department. Amounts are whole VND (đồng).</summary>
public sealed record ProposalSubmitted
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
    public required long StateSupport { get; init; }
    public required long OwnCapital { get; init; }
    public required long OtherSources { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
