using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Reports;
using Microsoft.EntityFrameworkCore;
using R = KhuyenCong.Contracts.Reconciliation.ReconciledFigures;

namespace KhuyenCong.Reporting.Reconciliation;

/// <summary>
/// The figures Reporting holds, read through the same report definitions its reports answer with
/// (grouped by year), so the check covers exactly what a reader sees.
/// </summary>
internal static class ReportingFigures
{
    /// <summary>Reconciled figure → the report's column, where the names differ.</summary>
    private static readonly Dictionary<string, string> ProposalColumns = new()
    {
        [R.Proposals.Approved] = "approved",
        [R.Proposals.ApprovedSupport] = "stateSupport",
        [R.Proposals.Accepted] = "accepted",
    };

    private static readonly Dictionary<string, string> SameNames = [];

    public static async Task<IReadOnlyList<OwnerFigures>> ReadAsync(
        ReportingDbContext db, int fromYear, int toYear, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        var proposals = await FromReportAsync(db, ReportCatalog.Proposals,
            R.Proposals.All.Where(f => f is not (R.Proposals.AdvancesPaid or R.Proposals.Refunded or R.Proposals.Allocated or R.Proposals.Planned
                or R.Proposals.NationalRequested or R.Proposals.NationalApproved)), ProposalColumns, fromYear, toYear, parameters, cancellationToken);
        // Advances paid and refunds are not report columns: the proposal facts keep each proposal's totals.
        var totals = await db.ProposalFacts.AsNoTracking()
            .Where(f => f.PlanYear >= fromYear && f.PlanYear <= toYear)
            .GroupBy(f => f.PlanYear)
            .Select(g => new { Year = g.Key, AdvancesPaid = g.Sum(f => f.AdvancesPaid), Refunded = g.Sum(f => f.Refunded) })
            .ToListAsync(cancellationToken);
        var advancesPaid = totals.SelectMany(t => new[]
        {
            new YearFigure(R.Proposals.AdvancesPaid, t.Year, t.AdvancesPaid),
            new YearFigure(R.Proposals.Refunded, t.Year, t.Refunded),
        });
        // The envelopes' allocations, from the decisions the plan-versus-actual figures are read from.
        var allocated = (await db.EnvelopeEntries.AsNoTracking()
                .Where(e => e.PlanYear >= fromYear && e.PlanYear <= toYear)
                .GroupBy(e => e.PlanYear)
                .Select(g => new { Year = g.Key, Allocated = g.Sum(e => e.SignedAmount) })
                .ToListAsync(cancellationToken))
            .Select(a => new YearFigure(R.Proposals.Allocated, a.Year, a.Allocated));
        // The plans in force, from the versions the plan-versus-actual figures are read from: each plan's highest version.
        var planned = (await db.PlanVersions.AsNoTracking()
                .Where(v => v.PlanYear >= fromYear && v.PlanYear <= toYear)
                .Select(v => new { v.PlanId, v.PlanYear, v.VersionNumber, v.PlannedSupport })
                .ToListAsync(cancellationToken))
            .GroupBy(v => v.PlanId)
            .Select(g => g.MaxBy(v => v.VersionNumber)!)
            .Select(v => new YearFigure(R.Proposals.Planned, v.PlanYear, v.PlannedSupport));
        // The lists sent to the Ministry and its decisions, from the national proposal facts the report's national table reads.
        var nationalFacts = await db.NationalProposals.AsNoTracking()
            .Where(f => f.PlanYear >= fromYear && f.PlanYear <= toYear)
            .GroupBy(f => f.PlanYear)
            .Select(g => new { Year = g.Key, Requested = g.Sum(f => f.RequestedSupport ?? 0), Approved = g.Sum(f => f.ApprovedSupport ?? 0) })
            .ToListAsync(cancellationToken);
        var national = nationalFacts.SelectMany(n => new[]
        {
            new YearFigure(R.Proposals.NationalRequested, n.Year, n.Requested), new YearFigure(R.Proposals.NationalApproved, n.Year, n.Approved),
        });
        return
        [
            OwnerFigures.For(fromYear, toYear, R.Proposals.All, proposals.Concat(advancesPaid).Concat(allocated).Concat(planned).Concat(national)),
            OwnerFigures.For(fromYear, toYear, R.Training.All,
                await FromReportAsync(db, ReportCatalog.Training, R.Training.All, SameNames, fromYear, toYear, parameters, cancellationToken)),
            OwnerFigures.For(fromYear, toYear, R.Fairs.All,
                await FromReportAsync(db, ReportCatalog.Fairs, R.Fairs.All, SameNames, fromYear, toYear, parameters, cancellationToken)),
            OwnerFigures.For(fromYear, toYear, R.Products.All,
                await FromReportAsync(db, ReportCatalog.Products, R.Products.All, SameNames, fromYear, toYear, parameters, cancellationToken)),
        ];
    }

    private static async Task<List<YearFigure>> FromReportAsync(
        ReportingDbContext db, ReportDefinition report, IEnumerable<string> figures, IReadOnlyDictionary<string, string> columns,
        int fromYear, int toYear, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        var table = await report.RunAsync(db, new ReportFilter(fromYear, toYear), ["year"], parameters, cancellationToken);
        var wanted = figures.ToList();
        return
        [
            .. from row in table.Rows
               where row.Group["year"] is int
               from figure in wanted
               select new YearFigure(figure, (int)row.Group["year"]!, Convert.ToInt64(row.Figures[columns.GetValueOrDefault(figure, figure)] ?? 0L)),
        ];
    }
}
