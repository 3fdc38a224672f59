using KhuyenCong.Platform.Time;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Reports;

/// <summary>
/// Where a plan year's budget stands: allocated (the envelope's decisions; null where no envelope is known),
/// committed, advanced, paid, settled and refunded, what remains, the approvals beyond the plan (count
/// and approved support), and planned (kế hoạch: the support the approved annual plan in force gives; null
/// where no plan is known). Committed follows the Proposals service's rule: the approved support; once settled,
/// the settled support; once cancelled, only what was paid and not refunded.
/// </summary>
public sealed record PlanFigures(
    long? Allocated, long Committed, long? Remaining, long Advanced, long Paid, long Settled, long Refunded,
    int Proposals, int OverPlan, long OverPlanSupport, long? Planned = null)
{
    public static readonly PlanFigures Zero = new(null, 0, null, 0, 0, 0, 0, 0, 0, 0);

    public PlanFigures Plus(PlanFigures other) => new(
        Allocated is null && other.Allocated is null ? null : (Allocated ?? 0) + (other.Allocated ?? 0),
        Committed + other.Committed,
        Remaining is null && other.Remaining is null ? null : (Remaining ?? 0) + (other.Remaining ?? 0),
        Advanced + other.Advanced, Paid + other.Paid, Settled + other.Settled, Refunded + other.Refunded,
        Proposals + other.Proposals, OverPlan + other.OverPlan, OverPlanSupport + other.OverPlanSupport,
        Planned is null && other.Planned is null ? null : (Planned ?? 0) + (other.Planned ?? 0));

    /// <summary>The same figures under an allocation: what remains is the allocation less the commitments.</summary>
    public PlanFigures WithAllocation(long? allocated) => this with { Allocated = allocated, Remaining = allocated - Committed };
}

/// <summary>One approved proposal's part of the figures, or one item of the plan in force, with the dimensions the figures are cut by.</summary>
public sealed record PlanCommitment(
    string FundingSource, int ContentGroup, string District, PlanFigures Figures);

/// <summary>
/// The plan-versus-actual read model: the envelope decisions, the approved annual plans and the proposals' approvals,
/// payments, refunds and settlements of a plan year, as they stood at the end of a day (every event dated on or before it).
/// It is read from the projected facts (<see cref="EnvelopeEntryFact"/>, <see cref="PlanVersionFact"/>,
/// <see cref="PlanItemFact"/>, <see cref="ProposalFact"/>, <see cref="MoneyMovementFact"/>), which the ledger rebuilds
/// like every other read model.
/// </summary>
public sealed class PlanVersusActual
{
    private PlanVersusActual(
        int planYear, DateOnly? asOf, IReadOnlyDictionary<string, long> allocated, IReadOnlySet<string> plannedSources, IReadOnlyList<PlanCommitment> commitments)
    {
        PlanYear = planYear;
        AsOf = asOf;
        AllocatedBySource = allocated;
        PlannedSources = plannedSources;
        Commitments = commitments;
    }

    public int PlanYear { get; }
    /// <summary>The last day counted; null counts everything known.</summary>
    public DateOnly? AsOf { get; }
    /// <summary>The allocated amount of each funding source with an envelope decision by <see cref="AsOf"/>.</summary>
    public IReadOnlyDictionary<string, long> AllocatedBySource { get; }
    /// <summary>The funding sources with an approved plan decided by <see cref="AsOf"/>.</summary>
    public IReadOnlySet<string> PlannedSources { get; }
    /// <summary>The approved proposals' figures, then the items of the plans in force (their planned support only).</summary>
    public IReadOnlyList<PlanCommitment> Commitments { get; }

    public static async Task<PlanVersusActual> ReadAsync(
        ReportingDbContext db, int planYear, string? fundingSource, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var allocated = await db.EnvelopeEntries.AsNoTracking()
            .Where(e => e.PlanYear == planYear && (fundingSource == null || e.FundingSource == fundingSource) && (asOf == null || e.DecisionDate <= asOf))
            .GroupBy(e => e.FundingSource)
            .Select(g => new { Source = g.Key, Allocated = g.Sum(e => e.SignedAmount) })
            .ToDictionaryAsync(x => x.Source, x => x.Allocated, cancellationToken);
        // A pilot proposal of an earlier year that runs into this one takes this year's share of its commitment.
        var proposals = await db.ProposalFacts.AsNoTracking()
            .Where(f => (f.PlanYear == planYear || f.PlanYear < planYear && f.PilotEndYear >= planYear)
                        && f.ApprovedSupport != null && (fundingSource == null || f.FundingSource == fundingSource))
            .ToListAsync(cancellationToken);
        proposals = [.. proposals.Where(f => asOf is null || ApprovalDate(f) is not { } approvedOn || approvedOn <= asOf)];
        var ids = proposals.Select(f => f.ProposalId).ToList();
        var movements = (await db.MoneyMovements.AsNoTracking()
                .Where(m => ids.Contains(m.ProposalId) && (asOf == null || m.On <= asOf))
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ProposalId);
        var commitments = proposals
            .Select(f => new PlanCommitment(f.FundingSource, f.ContentGroup, f.District, FiguresOf(f, movements[f.ProposalId], asOf, planYear)))
            .ToList();
        // The plan in force of each source: its highest version decided by the day, whatever order the versions arrived in.
        var inForce = (await db.PlanVersions.AsNoTracking()
                .Where(v => v.PlanYear == planYear && (fundingSource == null || v.FundingSource == fundingSource) && (asOf == null || v.DecisionDate <= asOf))
                .Select(v => new { v.PlanId, v.VersionNumber, v.FundingSource })
                .ToListAsync(cancellationToken))
            .GroupBy(v => v.PlanId)
            .Select(g => g.MaxBy(v => v.VersionNumber)!)
            .ToList();
        var versions = inForce.Select(v => (v.PlanId, v.VersionNumber)).ToHashSet();
        var items = (await db.PlanItems.AsNoTracking()
                .Where(i => i.PlanYear == planYear && (fundingSource == null || i.FundingSource == fundingSource))
                .ToListAsync(cancellationToken))
            .Where(i => versions.Contains((i.PlanId, i.VersionNumber)));
        commitments.AddRange(items.Select(i => new PlanCommitment(i.FundingSource, i.ContentGroup, i.District, PlanFigures.Zero with { Planned = i.PlannedSupport })));
        return new PlanVersusActual(planYear, asOf, allocated, inForce.Select(v => v.FundingSource).ToHashSet(), commitments);
    }

    /// <summary>The figures of a funding source (or of all, for null), with its allocation; planned is 0, not null, once the source has a plan.</summary>
    public PlanFigures Total(string? fundingSource = null)
    {
        var figures = Sum(Commitments.Where(c => fundingSource is null || c.FundingSource == fundingSource));
        var allocated = AllocatedBySource.Where(a => fundingSource is null || a.Key == fundingSource).Select(a => (long?)a.Value).ToList();
        var planned = PlannedSources.Any(s => fundingSource is null || s == fundingSource) ? figures.Planned ?? 0 : figures.Planned;
        return figures.WithAllocation(allocated.Count == 0 ? null : allocated.Sum()) with { Planned = planned };
    }

    /// <summary>
    /// The figures cut by a dimension of the commitments and plan items, in key order; allocations are by source only, so none
    /// is shown here, and planned is 0 where a plan is known but gives the line nothing.
    /// </summary>
    public IReadOnlyList<(TKey Key, PlanFigures Figures)> By<TKey>(Func<PlanCommitment, TKey> key) where TKey : notnull =>
        [.. Commitments.GroupBy(key).OrderBy(g => g.Key).Select(g => (g.Key, PlanKnown(Sum(g))))];

    private PlanFigures PlanKnown(PlanFigures figures) => PlannedSources.Count > 0 ? figures with { Planned = figures.Planned ?? 0 } : figures;

    private static PlanFigures Sum(IEnumerable<PlanCommitment> commitments) =>
        commitments.Aggregate(PlanFigures.Zero, (total, c) => total.Plus(c.Figures));

    /// <summary>The approval decision's date, else the day the approval was recorded; null while only a payment has told of it.</summary>
    private static DateOnly? ApprovalDate(ProposalFact f) =>
        f.ApprovedOn ?? (f.ApprovedAt is { } at ? ProvinceCalendar.DateOf(at) : null);

    /// <summary>
    /// The figures of an approved proposal in <paramref name="planYear"/>: its commitment (of a pilot, the year's share); the money
    /// that moved for it counts once, in its plan year.
    /// </summary>
    private static PlanFigures FiguresOf(ProposalFact f, IEnumerable<MoneyMovementFact> movements, DateOnly? asOf, int planYear)
    {
        var list = movements.ToList();
        var advanced = list.Where(m => m.Kind == MoneyMovementKind.Advance).Sum(m => m.Amount);
        var paid = advanced + list.Where(m => m.Kind == MoneyMovementKind.Balance).Sum(m => m.Amount);
        var refunded = list.Where(m => m.Kind == MoneyMovementKind.Refund).Sum(m => m.Amount);
        var cancelled = f.CancelledAt is { } cancelledAt && (asOf is null || ProvinceCalendar.DateOf(cancelledAt) <= asOf);
        var settled = f.SettledOn is { } settledOn && (asOf is null || settledOn <= asOf) ? f.SettledSupport : null;
        var committed = f.ShareOf(planYear, cancelled ? Math.Max(0, paid - refunded) : settled ?? f.ApprovedSupport!.Value);
        var overPlan = f.PlanExceedanceDecisionNumber is not null;
        var money = planYear == f.PlanYear ? 1 : 0;
        return new PlanFigures(null, committed, null, advanced * money, paid * money, (settled ?? 0) * money, refunded * money,
            1, overPlan ? 1 : 0, overPlan ? f.ShareOf(planYear, f.ApprovedSupport!.Value) : 0);
    }
}
