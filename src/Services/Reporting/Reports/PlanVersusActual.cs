using KhuyenCong.Platform.Time;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Reports;

/// <summary>
/// Where a plan year's budget stands: allocated (the envelope's decisions; null where no envelope is known),
/// committed, advanced, paid, settled and refunded, what remains, and the approvals beyond the plan (count
/// and approved support). Committed follows the Proposals service's rule: the approved support; once settled,
/// the settled support; once cancelled, only what was paid and not refunded.
/// </summary>
public sealed record PlanFigures(
    long? Allocated, long Committed, long? Remaining, long Advanced, long Paid, long Settled, long Refunded,
    int Proposals, int OverPlan, long OverPlanSupport)
{
    public static readonly PlanFigures Zero = new(null, 0, null, 0, 0, 0, 0, 0, 0, 0);

    public PlanFigures Plus(PlanFigures other) => new(
        Allocated is null && other.Allocated is null ? null : (Allocated ?? 0) + (other.Allocated ?? 0),
        Committed + other.Committed,
        Remaining is null && other.Remaining is null ? null : (Remaining ?? 0) + (other.Remaining ?? 0),
        Advanced + other.Advanced, Paid + other.Paid, Settled + other.Settled, Refunded + other.Refunded,
        Proposals + other.Proposals, OverPlan + other.OverPlan, OverPlanSupport + other.OverPlanSupport);

    /// <summary>The same figures under an allocation: what remains is the allocation less the commitments.</summary>
    public PlanFigures WithAllocation(long? allocated) => this with { Allocated = allocated, Remaining = allocated - Committed };
}

/// <summary>One approved proposal's part of the figures, with the dimensions the figures are cut by.</summary>
public sealed record PlanCommitment(
    string FundingSource, int ContentGroup, string District, PlanFigures Figures);

/// <summary>
/// The plan-versus-actual read model: the envelope decisions and the proposals' approvals, payments, refunds
/// and settlements of a plan year, as they stood at the end of a day (every event dated on or before it).
/// It is read from the projected facts (<see cref="EnvelopeEntryFact"/>, <see cref="ProposalFact"/>,
/// <see cref="MoneyMovementFact"/>), which the ledger rebuilds like every other read model.
/// </summary>
public sealed class PlanVersusActual
{
    private PlanVersusActual(int planYear, DateOnly? asOf, IReadOnlyDictionary<string, long> allocated, IReadOnlyList<PlanCommitment> commitments)
    {
        PlanYear = planYear;
        AsOf = asOf;
        AllocatedBySource = allocated;
        Commitments = commitments;
    }

    public int PlanYear { get; }
    /// <summary>The last day counted; null counts everything known.</summary>
    public DateOnly? AsOf { get; }
    /// <summary>The allocated amount of each funding source with an envelope decision by <see cref="AsOf"/>.</summary>
    public IReadOnlyDictionary<string, long> AllocatedBySource { get; }
    public IReadOnlyList<PlanCommitment> Commitments { get; }

    public static async Task<PlanVersusActual> ReadAsync(
        ReportingDbContext db, int planYear, string? fundingSource, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var allocated = await db.EnvelopeEntries.AsNoTracking()
            .Where(e => e.PlanYear == planYear && (fundingSource == null || e.FundingSource == fundingSource) && (asOf == null || e.DecisionDate <= asOf))
            .GroupBy(e => e.FundingSource)
            .Select(g => new { Source = g.Key, Allocated = g.Sum(e => e.SignedAmount) })
            .ToDictionaryAsync(x => x.Source, x => x.Allocated, cancellationToken);
        var proposals = await db.ProposalFacts.AsNoTracking()
            .Where(f => f.PlanYear == planYear && f.ApprovedSupport != null && (fundingSource == null || f.FundingSource == fundingSource))
            .ToListAsync(cancellationToken);
        proposals = [.. proposals.Where(f => asOf is null || ApprovalDate(f) is not { } approvedOn || approvedOn <= asOf)];
        var ids = proposals.Select(f => f.ProposalId).ToList();
        var movements = (await db.MoneyMovements.AsNoTracking()
                .Where(m => ids.Contains(m.ProposalId) && (asOf == null || m.On <= asOf))
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ProposalId);
        var commitments = proposals
            .Select(f => new PlanCommitment(f.FundingSource, f.ContentGroup, f.District, FiguresOf(f, movements[f.ProposalId], asOf)))
            .ToList();
        return new PlanVersusActual(planYear, asOf, allocated, commitments);
    }

    /// <summary>The figures of a funding source (or of all, for null), with its allocation.</summary>
    public PlanFigures Total(string? fundingSource = null)
    {
        var figures = Sum(Commitments.Where(c => fundingSource is null || c.FundingSource == fundingSource));
        var allocated = AllocatedBySource.Where(a => fundingSource is null || a.Key == fundingSource).Select(a => (long?)a.Value).ToList();
        return figures.WithAllocation(allocated.Count == 0 ? null : allocated.Sum());
    }

    /// <summary>The figures cut by a dimension of the commitments, in key order; allocations are by source only, so none is shown here.</summary>
    public IReadOnlyList<(TKey Key, PlanFigures Figures)> By<TKey>(Func<PlanCommitment, TKey> key) where TKey : notnull =>
        [.. Commitments.GroupBy(key).OrderBy(g => g.Key).Select(g => (g.Key, Sum(g)))];

    private static PlanFigures Sum(IEnumerable<PlanCommitment> commitments) =>
        commitments.Aggregate(PlanFigures.Zero, (total, c) => total.Plus(c.Figures));

    /// <summary>The approval decision's date, else the day the approval was recorded; null while only a payment has told of it.</summary>
    private static DateOnly? ApprovalDate(ProposalFact f) =>
        f.ApprovedOn ?? (f.ApprovedAt is { } at ? ProvinceCalendar.DateOf(at) : null);

    private static PlanFigures FiguresOf(ProposalFact f, IEnumerable<MoneyMovementFact> movements, DateOnly? asOf)
    {
        var list = movements.ToList();
        var advanced = list.Where(m => m.Kind == MoneyMovementKind.Advance).Sum(m => m.Amount);
        var paid = advanced + list.Where(m => m.Kind == MoneyMovementKind.Balance).Sum(m => m.Amount);
        var refunded = list.Where(m => m.Kind == MoneyMovementKind.Refund).Sum(m => m.Amount);
        var cancelled = f.CancelledAt is { } cancelledAt && (asOf is null || ProvinceCalendar.DateOf(cancelledAt) <= asOf);
        var settled = f.SettledOn is { } settledOn && (asOf is null || settledOn <= asOf) ? f.SettledSupport : null;
        var committed = cancelled ? Math.Max(0, paid - refunded) : settled ?? f.ApprovedSupport!.Value;
        var overPlan = f.PlanExceedanceDecisionNumber is not null;
        return new PlanFigures(null, committed, null, advanced, paid, settled ?? 0, refunded,
            1, overPlan ? 1 : 0, overPlan ? f.ApprovedSupport!.Value : 0);
    }
}
