using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Api;

/// <summary>The allocation decision that opens the envelope of a plan year and funding source.</summary>
public sealed record AllocateBudgetRequest(
    int? PlanYear, FundingSource? FundingSource, long? Amount, string? DecisionNumber, DateOnly? DecisionDate, string? Note);

/// <summary>A later decision adding to (Addition) or cutting (Cut) an envelope.</summary>
public sealed record BudgetEntryRequest(EnvelopeEntryKind? Kind, long? Amount, string? DecisionNumber, DateOnly? DecisionDate, string? Note);

/// <summary>
/// An envelope and where it stands: allocated (null while no envelope is recorded: then approvals are not
/// checked), committed, the money that moved, and what remains; by content group and by district too.
/// </summary>
public sealed record BudgetEnvelopeResponse(
    Guid? Id, int PlanYear, FundingSource FundingSource, bool HasEnvelope, long? Allocated, long Committed, long? Remaining,
    long Advanced, long Paid, long Settled, long Refunded, int Proposals, int ProposalsOverPlan,
    IReadOnlyList<EnvelopeEntryResponse> Entries, IReadOnlyList<EnvelopeShare> ByContentGroup, IReadOnlyList<EnvelopeShare> ByDistrict)
{
    public static BudgetEnvelopeResponse Of(int planYear, FundingSource source, BudgetEnvelope? envelope, IReadOnlyCollection<Commitment> commitments)
    {
        var totals = CommitmentTotals.Of(commitments);
        var allocated = envelope?.Allocated;
        return new BudgetEnvelopeResponse(
            envelope?.Id, planYear, source, envelope is not null, allocated, totals.Committed, allocated - totals.Committed,
            totals.Advanced, totals.Paid, totals.Settled, totals.Refunded, totals.Proposals, totals.OverPlan,
            envelope?.Entries.OrderBy(e => e.DecisionDate).ThenBy(e => e.RecordedAt).Select(EnvelopeEntryResponse.Of).ToList() ?? [],
            SharesBy(commitments, c => c.ContentGroup.ToString(System.Globalization.CultureInfo.InvariantCulture), key => int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)),
            SharesBy(commitments, c => c.District, key => 0));
    }

    private static List<EnvelopeShare> SharesBy(IEnumerable<Commitment> commitments, Func<Commitment, string> key, Func<string, int> order) =>
        commitments.GroupBy(key)
            .Select(g => (g.Key, Totals: CommitmentTotals.Of(g)))
            .OrderBy(x => order(x.Key)).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new EnvelopeShare(x.Key, x.Totals.Proposals, x.Totals.Committed, x.Totals.Advanced, x.Totals.Paid, x.Totals.Settled, x.Totals.Refunded))
            .ToList();
}

/// <summary>The part of an envelope's figures of one content group (its number) or one district (its name).</summary>
public sealed record EnvelopeShare(string Key, int Proposals, long Committed, long Advanced, long Paid, long Settled, long Refunded);

public sealed record EnvelopeEntryResponse(
    Guid Id, EnvelopeEntryKind Kind, long Amount, string DecisionNumber, DateOnly DecisionDate, string? Note, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static EnvelopeEntryResponse Of(EnvelopeEntry e) => new(e.Id, e.Kind, e.Amount, e.DecisionNumber, e.DecisionDate, e.Note, e.RecordedAt, e.RecordedBy);
}
