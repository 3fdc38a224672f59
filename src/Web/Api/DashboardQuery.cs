using KhuyenCong.Web.Api.Clients;

namespace KhuyenCong.Web.Api;

/// <summary>The figures of one year of the programme, as the Reporting service sums approved proposals.</summary>
public sealed record YearFigures(int Year, ProgrammeSummary Summary);

public sealed record CountBy<TKey>(TKey Key, int Count, long StateSupport);

/// <summary>Everything the leaders' dashboard shows for a period.</summary>
public sealed record DashboardFigures(
    int FromYear,
    int ToYear,
    ProgrammeSummary Summary,
    IReadOnlyList<YearFigures> Years,
    IReadOnlyList<CountBy<int>> ByContentGroup,
    IReadOnlyList<CountBy<string>> ByDistrict,
    int OverdueFollowUps,
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
/// period, and the proposal, course, fair and certificate lists of each year of the period, summed here.
/// </summary>
public sealed class DashboardQuery(ProposalsClient proposals, TrainingClient training, FairsClient fairs, ProductsClient products, ReportsClient reports)
{
    private const int PageSize = 200;

    /// <summary>Statuses of proposals that were approved (and not cancelled), the ones the programme funds.</summary>
    private static readonly ProposalStatus[] Funded =
        [ProposalStatus.Approved, ProposalStatus.InImplementation, ProposalStatus.Accepted, ProposalStatus.Settled, ProposalStatus.Closed];

    public async Task<ApiResult<DashboardFigures>> LoadAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).ToList();
        var summaryTask = reports.SummaryAsync(fromYear, toYear, cancellationToken);
        var yearTasks = years.Select(y => reports.SummaryAsync(y, y, cancellationToken)).ToList();
        var proposalTasks = years.Select(y => AllAsync(p => PageOfProposals(proposals.ListAsync(new ProposalFilter { Year = y }, p, PageSize, cancellationToken)))).ToList();
        var courseTasks = years.Select(y => AllAsync(p => training.CoursesAsync(null, y, null, null, p, PageSize, cancellationToken))).ToList();
        var certificateTasks = years.Select(y => AllAsync(p => products.CertificatesAsync(null, null, y, null, p, PageSize, cancellationToken))).ToList();
        var fairsTask = AllAsync(p => fairs.HeldAsync(new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31), p, PageSize, cancellationToken));
        var overdueTask = proposals.FollowUpsAsync(FollowUpStatus.Overdue, null, 1, 5, cancellationToken);

        await Task.WhenAll(
            [summaryTask, overdueTask, fairsTask, .. yearTasks, .. proposalTasks, .. courseTasks, .. certificateTasks]);

        var problem = new[] { summaryTask.Result.Problem, overdueTask.Result.Problem, fairsTask.Result.Problem }
            .Concat(yearTasks.Select(t => t.Result.Problem))
            .Concat(proposalTasks.Select(t => t.Result.Problem))
            .Concat(courseTasks.Select(t => t.Result.Problem))
            .Concat(certificateTasks.Select(t => t.Result.Problem))
            .FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            return new ApiResult<DashboardFigures>(null, problem);
        }

        var funded = proposalTasks.SelectMany(t => t.Result.Value!).Where(p => Funded.Contains(p.Status)).ToList();
        var courses = courseTasks.SelectMany(t => t.Result.Value!).Where(c => c.Status != CourseStatus.Cancelled).ToList();
        var heldFairs = fairsTask.Result.Value!.Where(f => f.Status != FairStatus.Cancelled).ToList();
        var certificates = certificateTasks.SelectMany(t => t.Result.Value!).ToList();

        return new ApiResult<DashboardFigures>(new DashboardFigures(
            fromYear, toYear, summaryTask.Result.Value!,
            years.Zip(yearTasks, (y, t) => new YearFigures(y, t.Result.Value!)).ToList(),
            funded.GroupBy(p => p.ContentGroup).OrderBy(g => g.Key)
                .Select(g => new CountBy<int>(g.Key, g.Count(), g.Sum(p => p.ApprovedSupport ?? p.StateSupport))).ToList(),
            funded.GroupBy(p => p.District).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.CurrentCulture)
                .Select(g => new CountBy<string>(g.Key, g.Count(), g.Sum(p => p.ApprovedSupport ?? p.StateSupport))).ToList(),
            overdueTask.Result.Value!.Total, overdueTask.Result.Value!.Items,
            courses.Count, courses.Sum(c => c.Seats.Enrolled), courses.Sum(c => c.Outcome.Completed), courses.Sum(c => c.Outcome.Certified),
            heldFairs.Count, heldFairs.Sum(f => f.BoothCount),
            certificates.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => new CountBy<RecognitionLevel>(g.Key, g.Count(), 0)).ToList()), null);
    }

    /// <summary>Every row of a paged list, page by page.</summary>
    private static async Task<ApiResult<List<T>>> AllAsync<T>(Func<int, Task<ApiResult<PageOf<T>>>> pageOf)
    {
        var rows = new List<T>();
        for (var page = 1; ; page++)
        {
            var result = await pageOf(page);
            if (!result.Succeeded)
            {
                return new ApiResult<List<T>>(null, result.Problem);
            }
            rows.AddRange(result.Value!.Items);
            if (rows.Count >= result.Value.Total || result.Value.Items.Count == 0)
            {
                return new ApiResult<List<T>>(rows, null);
            }
        }
    }

    private static async Task<ApiResult<PageOf<ProposalSummary>>> PageOfProposals(Task<ApiResult<ProposalPage>> request)
    {
        var result = await request;
        return new ApiResult<PageOf<ProposalSummary>>(
            result.Value is { } page ? new PageOf<ProposalSummary>(page.Items, page.Total, page.Page, page.PageSize) : null, result.Problem);
    }
}
