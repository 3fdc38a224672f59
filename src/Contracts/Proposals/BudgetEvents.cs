namespace KhuyenCong.Contracts.Proposals;

/// <summary>
/// A decision allocated, added to or cut the budget envelope (dự toán được giao) of a plan year and funding
/// source. Entries are never changed: the envelope's amount is the sum of its entries, cuts negative.
/// </summary>
public sealed record BudgetEnvelopeChanged
{
    public required Guid EnvelopeId { get; init; }
    public required int PlanYear { get; init; }
    public required FundingSource FundingSource { get; init; }
    public required Guid EntryId { get; init; }
    /// <summary>Allocation, Addition or Cut.</summary>
    public required string Kind { get; init; }
    /// <summary>The decision's amount in VND, positive for every kind.</summary>
    public required long Amount { get; init; }
    public required string DecisionNumber { get; init; }
    public required DateOnly DecisionDate { get; init; }
    /// <summary>The envelope's allocated amount after this decision.</summary>
    public required long Allocated { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public string? ActedBy { get; init; }
}
