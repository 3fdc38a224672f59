using System.Text.Json;
using KhuyenCong.Web.Api.Clients;

namespace KhuyenCong.Web.Api;

/// <summary>The figures of one year of the programme, as the Reporting service sums approved proposals.</summary>
public sealed record YearFigures(int Year, ProgrammeSummary Summary);

public sealed record CountBy<TKey>(TKey Key, int Count, long StateSupport);

/// <summary>What needs the leaders' attention today, whatever the period shown: counts of each list.</summary>
public sealed record DashboardAlerts(int OverdueFollowUps, int OverdueProgressReports, int OverdueSettlements, int AwaitingDecision, int Submitted);

/// <summary>Everything the leaders' dashboard shows for a period.</summary>
public sealed record DashboardFigures(
    int FromYear,
    int ToYear,
    ProgrammeSummary Summary,
    IReadOnlyList<YearFigures> Years,
    IReadOnlyList<CountBy<int>> ByContentGroup,
    IReadOnlyList<CountBy<string>> ByDistrict,
    DashboardAlerts Alerts,
    IReadOnlyList<FollowUp> OverdueSample,
    int Courses,
    int Trainees,
    int TraineesCompleted,
    int TraineesCertified,
    int Fairs,
    int FairBooths,
    IReadOnlyList<CountBy<RecognitionLevel>> CertificatesByLevel);

/// <summary>
/// Gathers the dashboard from what the services answer today: the Reporting summary per year and for the
/// period; training, fairs and recognised products from the same reports the reports page shows, so that
/// both count alike (booths are the booths allocated at fairs held, not the fairs' capacity); the content
/// groups and districts from the proposal lists of each year of the period, so that a district's count is the
/// one its list of funded proposals shows; and the lists of what is overdue or awaits a decision.
/// </summary>
public sealed class DashboardQuery(ProposalsClient proposals, ReportsClient reports)
{
    private const int PageSize = 200;

    /// <summary>Statuses of proposals that were approved (and not cancelled), the ones the programme funds.</summary>
    public static readonly ProposalStatus[] Funded =
        [ProposalStatus.Approved, ProposalStatus.InImplementation, ProposalStatus.Accepted, ProposalStatus.Settled, ProposalStatus.Closed];

    private static readonly ReportKind Training = ReportKind.Named("training")!;
    private static readonly ReportKind FairsReport = ReportKind.Named("fairs")!;
    private static readonly ReportKind Products = ReportKind.Named("products")!;

    public async Task<ApiResult<DashboardFigures>> LoadAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).ToList();
        var period = new ReportQuery { FromYear = fromYear, ToYear = toYear };
        var summaryTask = reports.SummaryAsync(fromYear, toYear, cancellationToken);
        var yearTasks = years.Select(y => reports.SummaryAsync(y, y, cancellationToken)).ToList();
        var proposalTasks = years.Select(y => Paging.AllAsync(p => proposals.RowsAsync(new ProposalFilter { Year = y }, p, PageSize, cancellationToken))).ToList();
        var trainingTask = reports.TableAsync(Training, period, cancellationToken);
        var fairsTask = reports.TableAsync(FairsReport, period, cancellationToken);
        var productsTask = reports.TableAsync(Products, new ReportQuery { FromYear = fromYear, ToYear = toYear, GroupBy = ["level"] }, cancellationToken);
        var overdueTask = proposals.FollowUpsAsync(FollowUpStatus.Overdue, null, 1, 5, cancellationToken);
        var progressTask = proposals.OverdueProgressAsync(1, 1, cancellationToken);
        var settlementsTask = proposals.OverdueSettlementsAsync(1, 1, cancellationToken);
        var awaitingTask = proposals.ListAsync(new ProposalFilter { Status = ProposalStatus.UnderAppraisal }, 1, 1, cancellationToken);
        var submittedTask = proposals.ListAsync(new ProposalFilter { Status = ProposalStatus.Submitted }, 1, 1, cancellationToken);

        await Task.WhenAll(
            [summaryTask, overdueTask, trainingTask, fairsTask, productsTask, progressTask, settlementsTask, awaitingTask, submittedTask,
                .. yearTasks, .. proposalTasks]);

        var problem = new[]
            {
                summaryTask.Result.Problem, overdueTask.Result.Problem, trainingTask.Result.Problem, fairsTask.Result.Problem, productsTask.Result.Problem,
                progressTask.Result.Problem, settlementsTask.Result.Problem, awaitingTask.Result.Problem, submittedTask.Result.Problem,
            }
            .Concat(yearTasks.Select(t => t.Result.Problem))
            .Concat(proposalTasks.Select(t => t.Result.Problem))
            .FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            return new ApiResult<DashboardFigures>(null, problem);
        }

        var funded = proposalTasks.SelectMany(t => t.Result.Value!).Where(p => Funded.Contains(p.Status)).ToList();
        var training = trainingTask.Result.Value!.Total;
        var fairs = fairsTask.Result.Value!.Total;
        var alerts = new DashboardAlerts(
            overdueTask.Result.Value!.Total, progressTask.Result.Value!.Total, settlementsTask.Result.Value!.Total,
            awaitingTask.Result.Value!.Total, submittedTask.Result.Value!.Total);

        return new ApiResult<DashboardFigures>(new DashboardFigures(
            fromYear, toYear, summaryTask.Result.Value!,
            years.Zip(yearTasks, (y, t) => new YearFigures(y, t.Result.Value!)).ToList(),
            funded.GroupBy(p => p.ContentGroup).OrderBy(g => g.Key)
                .Select(g => new CountBy<int>(g.Key, g.Count(), g.Sum(p => p.ApprovedSupport ?? p.StateSupport))).ToList(),
            funded.GroupBy(p => p.District).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.CurrentCulture)
                .Select(g => new CountBy<string>(g.Key, g.Count(), g.Sum(p => p.ApprovedSupport ?? p.StateSupport))).ToList(),
            alerts, overdueTask.Result.Value!.Items,
            Count(training, "courses"), Count(training, "enrolled"), Count(training, "completed"), Count(training, "certified"),
            Count(fairs, "fairsHeld"), Count(fairs, "booths"),
            productsTask.Result.Value!.Rows
                .Select(r => (Level: LevelOf(r), Count: Count(r, "recognised")))
                .Where(r => r.Level is not null && r.Count > 0)
                .OrderBy(r => r.Level)
                .Select(r => new CountBy<RecognitionLevel>(r.Level!.Value, r.Count, 0)).ToList()), null);
    }

    /// <summary>A count of a report row; 0 when the report has none (no rows in the period).</summary>
    private static int Count(ReportRow row, string column) =>
        row.Figures.TryGetValue(column, out var value) && value.ValueKind == JsonValueKind.Number ? (int)value.GetInt64() : 0;

    private static RecognitionLevel? LevelOf(ReportRow row) =>
        row.Group.TryGetValue("level", out var value)
            && Enum.TryParse<RecognitionLevel>(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), out var level)
            && Enum.IsDefined(level)
            ? level
            : null;
}
