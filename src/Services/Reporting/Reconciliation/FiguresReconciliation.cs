using KhuyenCong.Contracts.Reconciliation;

namespace KhuyenCong.Reporting.Reconciliation;

/// <summary>One figure of one area and year as its owning service counts it and as Reporting holds it.</summary>
/// <param name="Difference">What Reporting holds minus what the owner counts (positive: Reporting counts more).</param>
public sealed record ReconciledFigure(string Area, string Figure, int? Year, long Owner, long Reporting, long Difference);

/// <summary>The answer of a reconciliation: every figure compared, and those that differ.</summary>
public sealed record ReconciliationReport(
    int FromYear, int ToYear, DateTimeOffset CheckedAt,
    IReadOnlyList<ReconciledFigure> Figures, IReadOnlyList<ReconciledFigure> Differences);

/// <summary>An area's figures from its owner and from Reporting's read models.</summary>
public sealed record AreaFigures(string Area, OwnerFigures Owner, OwnerFigures Reporting);

public static class FiguresReconciliation
{
    /// <summary>
    /// Compares every figure and year either side names (a figure missing on one side counts as 0 there),
    /// in the owner's order, then the figures only Reporting names.
    /// </summary>
    public static ReconciliationReport Compare(int fromYear, int toYear, DateTimeOffset checkedAt, IEnumerable<AreaFigures> areas)
    {
        var figures = new List<ReconciledFigure>();
        foreach (var area in areas)
        {
            var reporting = area.Reporting.Figures.GroupBy(f => (f.Figure, f.Year)).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
            var owner = area.Owner.Figures.GroupBy(f => (f.Figure, f.Year)).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
            var keys = owner.Keys.Concat(reporting.Keys.Where(k => !owner.ContainsKey(k)));
            foreach (var (figure, year) in keys)
            {
                var ownerValue = owner.GetValueOrDefault((figure, year));
                var reportingValue = reporting.GetValueOrDefault((figure, year));
                figures.Add(new ReconciledFigure(area.Area, figure, year, ownerValue, reportingValue, reportingValue - ownerValue));
            }
        }
        return new ReconciliationReport(fromYear, toYear, checkedAt, figures, [.. figures.Where(f => f.Difference != 0)]);
    }
}
