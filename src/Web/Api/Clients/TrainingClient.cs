namespace KhuyenCong.Web.Api.Clients;

/// <summary>The Training service's courses, trainees, enrolments and attendance (<c>/api/training</c>).</summary>
public sealed class TrainingClient(GatewayClient gateway)
{
    private const string Courses = "/api/training/courses";
    private const string Trainees = "/api/training/trainees";

    public Task<ApiResult<PageOf<CourseSummary>>> CoursesAsync(string? q, int? year, CourseStatus? status, CourseType? type, int page, int pageSize,
        CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<CourseSummary>>(Courses + Query.Of(("q", q), ("year", year), ("status", status), ("type", type), ("page", page), ("pageSize", pageSize)),
            cancellationToken);

    public Task<ApiResult<CourseDetails>> CourseAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<CourseDetails>($"{Courses}/{id}", cancellationToken);

    /// <summary>What was done to the course, by whom and when (trainees' names for the Centre's officers only).</summary>
    public Task<ApiResult<List<HistoryEntry>>> HistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<HistoryEntry>>($"{Courses}/{id}/history", cancellationToken);

    public Task<ApiResult<CourseDetails>> PlanAsync(CoursePlanRequest plan, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<CourseDetails>(Courses, plan, cancellationToken);

    /// <summary>Corrects the plan of a course that has not started (its dates, place, seats, budget...).</summary>
    public Task<ApiResult<CourseDetails>> ReviseAsync(Guid id, CoursePlanRequest plan, CancellationToken cancellationToken = default) =>
        gateway.PutAsync<CourseDetails>($"{Courses}/{id}", plan, cancellationToken);

    /// <summary>Moves a course a step on: <paramref name="step"/> is the step's path under the course (<c>open</c>, <c>start</c>, <c>complete</c>).</summary>
    public Task<ApiResult<CourseDetails>> MoveAsync(Guid id, string step, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<CourseDetails>($"{Courses}/{id}/{step}", null, cancellationToken);

    public Task<ApiResult<CourseDetails>> CancelAsync(Guid id, CancelRequest cancellation, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<CourseDetails>($"{Courses}/{id}/cancel", cancellation, cancellationToken);

    public Task<ApiResult<List<TrainingCertificate>>> IssueCertificatesAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<List<TrainingCertificate>>($"{Courses}/{id}/certificates", null, cancellationToken);

    /// <summary>The course's roster: personal data, for the Centre's officers.</summary>
    public Task<ApiResult<List<RosterEntry>>> RosterAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<RosterEntry>>($"{Courses}/{id}/enrolments", cancellationToken);

    public Task<ApiResult<Enrolment>> EnrolAsync(Guid id, EnrolRequest enrolment, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Enrolment>($"{Courses}/{id}/enrolments", enrolment, cancellationToken);

    public Task<ApiResult<Withdrawal>> WithdrawAsync(Guid id, Guid enrolmentId, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Withdrawal>($"{Courses}/{id}/enrolments/{enrolmentId}/withdraw", null, cancellationToken);

    public Task<ApiResult<CourseSession>> RecordSessionAsync(Guid id, SessionRequest session, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<CourseSession>($"{Courses}/{id}/sessions", session, cancellationToken);

    public Task<ApiResult<PageOf<Trainee>>> FindTraineesAsync(string? q, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<Trainee>>(Trainees + Query.Of(("q", q), ("pageSize", pageSize)), cancellationToken);

    public Task<ApiResult<Trainee>> RegisterTraineeAsync(RegisterTraineeRequest trainee, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Trainee>(Trainees, trainee, cancellationToken);
}
