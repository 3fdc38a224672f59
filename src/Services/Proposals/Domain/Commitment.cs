namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// What one approved proposal takes from its envelope, and the money that moved for it. A pilot proposal
/// (đề án điểm) counts its whole approved support in its plan year, the year it starts: the proposal holds
/// no split of its support by year.
/// </summary>
public sealed record Commitment(
    Guid ProposalId, int ContentGroup, string District, ProposalStatus Status, long ApprovedSupport, long? SettledSupport,
    long Advanced, long Paid, long Refunded, bool ExceedsPlan)
{
    /// <summary>
    /// The approved support; once settled, the settled support (the rest goes back to the envelope); once
    /// cancelled, only what was paid and not refunded.
    /// </summary>
    public long Committed => Status switch
    {
        ProposalStatus.Cancelled => Math.Max(0, Paid - Refunded),
        _ => SettledSupport ?? ApprovedSupport,
    };
}

/// <summary>The sums over a set of commitments: of an envelope, a content group or a district.</summary>
public sealed record CommitmentTotals(int Proposals, long Committed, long Advanced, long Paid, long Settled, long Refunded, int OverPlan)
{
    public static CommitmentTotals Of(IEnumerable<Commitment> commitments)
    {
        var list = commitments.ToList();
        return new CommitmentTotals(
            list.Count,
            list.Sum(c => c.Committed),
            list.Sum(c => c.Advanced),
            list.Sum(c => c.Paid),
            list.Sum(c => c.SettledSupport ?? 0),
            list.Sum(c => c.Refunded),
            list.Count(c => c.ExceedsPlan));
    }
}
