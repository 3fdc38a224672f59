namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// What one approved proposal takes from the envelope of <see cref="Year"/>, and the money that moved for it. A pilot
/// proposal (đề án điểm) takes from each year's envelope that year's share of its commitment; the money that moved for
/// it is counted once, in its start year, whose decision approved it.
/// </summary>
public sealed record Commitment(
    Guid ProposalId, int ContentGroup, string District, ProposalStatus Status, long ApprovedSupport, long? SettledSupport,
    long Advanced, long Paid, long Refunded, bool ExceedsPlan, PilotPeriod? Pilot = null, int Year = 0)
{
    /// <summary>
    /// The approved support; once settled, the settled support (the rest goes back to the envelope); once
    /// cancelled, only what was paid and not refunded. Of a pilot, the share of it that falls in <see cref="Year"/>.
    /// </summary>
    public long Committed => Pilot is { } pilot ? pilot.ShareOf(Year, Whole) : Whole;

    /// <summary>Whether the money that moved for the proposal is counted in this year: always, but for a pilot's later years.</summary>
    public bool CountsMoney => Pilot is null || Year == Pilot.StartYear;

    private long Whole => Status switch
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
            list.Where(c => c.CountsMoney).Sum(c => c.Advanced),
            list.Where(c => c.CountsMoney).Sum(c => c.Paid),
            list.Where(c => c.CountsMoney).Sum(c => c.SettledSupport ?? 0),
            list.Where(c => c.CountsMoney).Sum(c => c.Refunded),
            list.Count(c => c.ExceedsPlan));
    }
}
