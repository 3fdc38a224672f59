namespace KhuyenCong.Contracts.Proposals;

/// <summary>
/// What a proposal is, repeated in every proposal event so that a consumer needs no earlier event and
/// never calls back. Amounts are whole VND (đồng).
/// </summary>
public sealed record ProposalProfile
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public required FundingSource FundingSource { get; init; }
    public required int PlanYear { get; init; }
    public required ContentGroup ContentGroup { get; init; }
    public required string ImplementingUnit { get; init; }
    /// <summary>Tax codes of the beneficiary establishments; the first is the lead beneficiary.</summary>
    public required IReadOnlyList<string> EstablishmentTaxCodes { get; init; }
    public required Sector Sector { get; init; }
    public required string AdministrativeUnitCode { get; init; }
    /// <summary>The district-level unit for reports (for a post-2025 commune, the district it was formed from).</summary>
    public required string District { get; init; }
    public required string Location { get; init; }
    public required bool IsPriorityArea { get; init; }
    /// <summary>Set for a multi-year pilot proposal (đề án điểm).</summary>
    public int? PilotStartYear { get; init; }
    public int? PilotEndYear { get; init; }
    /// <summary>A pilot's state support split by year from its start year (see <see cref="PilotSplit"/>); absent from events published before it existed.</summary>
    public IReadOnlyList<long>? PilotShares { get; init; }
    public required long TotalBudget { get; init; }
    public required long StateSupport { get; init; }
    public required long OwnCapital { get; init; }
    public required long OtherSources { get; init; }
    public required int ExpectedJobs { get; init; }
    /// <summary>Expected average wage in VND per person per month.</summary>
    public required long ExpectedAverageWage { get; init; }
    /// <summary>
    /// How many amendments the profile includes (0 before any). Budget lines change only by amendment, so a
    /// consumer receiving events out of order keeps the profile of the highest revision.
    /// </summary>
    public int Revision { get; init; }
}
