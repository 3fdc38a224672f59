using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Training.Data;
using KhuyenCong.Training.Domain;
using KhuyenCong.Training.Papers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Api;

/// <summary>
/// A course's trainees: enrolment and the waiting list, attendance per session, certificates,
/// employment after the course and the roster export. Every endpoint here is for officers only
/// (<see cref="Policies.Manage"/>): the roster and its spreadsheet name trainees with their personal
/// data, and the rest changes the course.
/// </summary>
public static class RosterApi
{
    private const int MaxTopicLength = 500;
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapRosterApi(this RouteGroupBuilder training)
    {
        var group = training.MapGroup("/courses/{id:guid}").WithTags("Course roster (personal data: officers only)")
            .RequireAuthorization(Policies.Manage);
        group.MapGet("/enrolments", Roster).WithName("GetCourseRoster").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/enrolments", Enrol).WithName("EnrolTrainee")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/enrolments/{enrolmentId:guid}/withdraw", Withdraw).WithName("WithdrawTrainee")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/sessions", RecordSession).WithName("RecordSession")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/sessions/{number:int}/attendance", CorrectAttendance).WithName("CorrectAttendance")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/certificates", IssueCertificates).WithName("IssueCertificates")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/employment", RecordEmployment).WithName("RecordEmployment")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/roster.xlsx", ExportRoster).WithName("ExportCourseRoster")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return training;
    }

    internal static async Task<Results<Ok<List<RosterEntry>>, ProblemHttpResult>> Roster(
        Guid id, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var course = await db.CoursesWithDetails.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null)
        {
            return ApiProblems.NotFound("Course", id);
        }
        return TypedResults.Ok(await RosterOfAsync(db, course, course.Enrolments.OrderBy(e => e.Number), cancellationToken));
    }

    internal static async Task<Results<Created<EnrolmentResponse>, ValidationProblem, ProblemHttpResult>> Enrol(
        Guid id, EnrolRequest request, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Expect(request.TraineeId is not null, "traineeId", "is required.",
            "là bắt buộc.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var traineeId = request.TraineeId!.Value;
        Enrolment enrolment = null!;
        return await ChangeAsync(id, db, cancellationToken, async (course, ct) =>
        {
            var trainee = await db.Trainees.AsNoTracking().SingleOrDefaultAsync(t => t.Id == traineeId, ct);
            if (trainee is null)
            {
                throw new TrainingRuleException("unknown-trainee", RuleKind.Unprocessable,
                    $"There is no trainee with id {traineeId}; register the trainee first.")
                {
                    Vietnamese = $"Không có học viên mã {traineeId}; hãy đăng ký học viên trước.",
                };
            }
            var now = time.GetUtcNow();
            enrolment = course.Enrol(traineeId, request.JoinWaitingList, now);
            db.Record(HistoryEntry.Of(course.Id, enrolment.Status == EnrolmentStatus.Waiting ? CourseHistory.Waitlisted : CourseHistory.Enrolled, user, now) with
            {
                Subject = trainee.FullName,
            });
        }, course => TypedResults.Created($"/api/training/courses/{id}/enrolments", EnrolmentResponse.From(course, enrolment)));
    }

    internal static Task<Results<Ok<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, Guid enrolmentId, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        List<Enrolment> waitingBefore = [];
        return ChangeAsync(id, db, cancellationToken, async (course, ct) =>
        {
            if (course.FindEnrolment(enrolmentId) is null)
            {
                throw new TrainingRuleException("not-found", RuleKind.NotFound, $"There is no enrolment with id {enrolmentId}.")
                {
                    Vietnamese = $"Không có lượt ghi danh mã {enrolmentId}.",
                };
            }
            waitingBefore = course.WaitingList.ToList();
            var now = time.GetUtcNow();
            course.Withdraw(enrolmentId, now);
            var traineeId = course.FindEnrolment(enrolmentId)!.TraineeId;
            var name = await db.Trainees.Where(t => t.Id == traineeId).Select(t => t.FullName).SingleAsync(ct);
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.Withdrawn, user, now) with { Subject = name });
        }, course =>
        {
            var promoted = waitingBefore.Where(e => e.Status == EnrolmentStatus.Enrolled).Select(e => EnrolmentResponse.From(course, e)).ToList();
            return TypedResults.Ok(new WithdrawalResponse(EnrolmentResponse.From(course, course.FindEnrolment(enrolmentId)!), promoted));
        });
    }

    internal static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> RecordSession(
        Guid id, SessionRequest request, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .RecordDate(request.HeldOn, "heldOn")
            .Expect(request.Topic is null || request.Topic.Length <= MaxTopicLength, "topic", $"must be at most {MaxTopicLength} characters.",
                $"dài tối đa {MaxTopicLength} ký tự.")
            .Expect(request.PresentEnrolmentIds is not null, "presentEnrolmentIds", "is required (an empty list when nobody came).",
                "là bắt buộc (danh sách trống khi không ai đến).");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        Session session = null!;
        return await ChangeAsync(id, db, cancellationToken, (course, _) =>
        {
            session = course.RecordSession(request.HeldOn!.Value, request.Topic?.Trim() ?? "", request.PresentEnrolmentIds!.ToList());
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.SessionRecorded, user, time.GetUtcNow()) with
            {
                OccurredOn = session.HeldOn,
                Amount = session.Present.Count,
                Subject = session.Topic.Length > 0 ? session.Topic : null,
                Document = session.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            return Task.CompletedTask;
        }, _ => TypedResults.Created($"/api/training/courses/{id}", SessionResponse.From(session)));
    }

    internal static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> CorrectAttendance(
        Guid id, int number, AttendanceRequest request, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.PresentEnrolmentIds is not null, "presentEnrolmentIds", "is required (an empty list when nobody came).",
                "là bắt buộc (danh sách trống khi không ai đến).");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await ChangeAsync(id, db, cancellationToken, (course, _) =>
        {
            course.CorrectAttendance(number, request.PresentEnrolmentIds!.ToList());
            var session = course.Sessions.Single(s => s.Number == number);
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.AttendanceCorrected, user, time.GetUtcNow()) with
            {
                OccurredOn = session.HeldOn,
                Amount = session.Present.Count,
                Document = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            return Task.CompletedTask;
        }, course => TypedResults.Ok(SessionResponse.From(course.Sessions.Single(s => s.Number == number))));
    }

    /// <summary>
    /// Issues certificates to everyone who completed the course and holds none yet, with numbers
    /// reserved for the year of issue in the command's transaction (a re-run reserves them anew), and
    /// republishes the course's figures.
    /// </summary>
    internal static Task<Results<Ok<List<CertificateResponse>>, ValidationProblem, ProblemHttpResult>> IssueCertificates(
        Guid id, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, AttachmentStore store, PaperIssuer issuer,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<Enrolment> certified = [];
        IReadOnlyDictionary<Guid, Trainee> trainees = new Dictionary<Guid, Trainee>();
        return ChangeAsync(id, db, cancellationToken, async (course, ct) =>
        {
            var due = course.CertificatesDue();
            var issuedOn = ProvinceCalendar.Today(time);
            var first = await db.ReserveCertificateNumbersAsync(issuedOn.Year, due.Count, ct);
            certified = course.IssueCertificates(first, issuedOn);
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.CertificatesIssued, user, time.GetUtcNow()) with
            {
                OccurredOn = issuedOn,
                Amount = certified.Count,
                Document = certified.Count == 1 ? certified[0].CertificateNumber : $"{certified[0].CertificateNumber} – {certified[^1].CertificateNumber}",
            });
            trainees = await CoursesApi.TraineesOfAsync(db, course, ct);
            foreach (var enrolment in certified)
            {
                await TrainingCertificatePaper.IssueAsync(store, db, course, enrolment, trainees[enrolment.TraineeId], issuer,
                    Actor.NameOf(user), user.FindFirst("name")?.Value, ct);
            }
            db.AddIntegrationEvent(TrainingEvents.Completed(course, trainees, Actor.NameOf(user)));
        }, _ => TypedResults.Ok(certified.Select(e => new CertificateResponse(
            e.Id, e.TraineeId, trainees[e.TraineeId].FullName, e.CertificateNumber!, e.CertificateIssuedOn!.Value)).ToList()));
    }

    internal static async Task<Results<Ok<CourseSummary>, ValidationProblem, ProblemHttpResult>> RecordEmployment(
        Guid id, EmploymentRequest request, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var outcomes = request.Outcomes ?? [];
        var validation = new RequestValidation()
            .Expect(outcomes.Count > 0, "outcomes", "lists at least one enrolment with whether the trainee has a job.",
                "liệt kê ít nhất một lượt ghi danh cùng việc học viên có việc làm hay không.")
            .Check(outcomes.All(o => o.EnrolmentId is not null && o.Employed is not null), "outcomes",
                "Each outcome names its enrolment and whether the trainee is employed (true or false).",
                "Mỗi kết quả cần ghi lượt ghi danh và học viên có việc làm hay không.")
            .Check(outcomes.Select(o => o.EnrolmentId).Distinct().Count() == outcomes.Count, "outcomes", "An enrolment appears at most once.",
                "Mỗi lượt ghi danh chỉ xuất hiện một lần.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await ChangeAsync(id, db, cancellationToken, async (course, ct) =>
        {
            course.RecordEmployment(outcomes.Select(o => (o.EnrolmentId!.Value, o.Employed!.Value)).ToList());
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.EmploymentRecorded, user, time.GetUtcNow()) with
            {
                Amount = outcomes.Count(o => o.Employed == true),
            });
            db.AddIntegrationEvent(TrainingEvents.Completed(course, await CoursesApi.TraineesOfAsync(db, course, ct), Actor.NameOf(user)));
        }, course => TypedResults.Ok(CourseSummary.From(course)));
    }

    /// <summary>The roster of the seated trainees as a spreadsheet for the Centre, with Vietnamese headers.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportRoster(
        Guid id, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var course = await db.CoursesWithDetails.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null)
        {
            return ApiProblems.NotFound("Course", id);
        }
        var entries = await RosterOfAsync(db, course, course.Seated, cancellationToken);
        var bytes = await RosterWorkbook.WriteAsync(course, entries, cancellationToken);
        return TypedResults.File(bytes, XlsxContentType, RosterWorkbook.FileName(course));
    }

    /// <summary>A change of one course or of its enrolments and sessions, on the command path: it runs alone on the course.</summary>
    private static Task<Results<TOk, ValidationProblem, ProblemHttpResult>> ChangeAsync<TOk>(
        Guid id, TrainingDbContext db, CancellationToken cancellationToken, Func<Course, CancellationToken, Task> change, Func<Course, TOk> answer)
        where TOk : IResult =>
        db.ChangeAsync(id, ct => db.CoursesWithDetails.SingleOrDefaultAsync(c => c.Id == id, ct), change, answer,
            () => ApiProblems.NotFound("Course", id), cancellationToken);

    private static async Task<List<RosterEntry>> RosterOfAsync(
        TrainingDbContext db, Course course, IEnumerable<Enrolment> enrolments, CancellationToken cancellationToken)
    {
        var list = enrolments.ToList();
        var traineeIds = list.Select(e => e.TraineeId).Distinct().ToList();
        var trainees = await db.Trainees.AsNoTracking().Where(t => traineeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var establishments = await EstablishmentsOfAsync(db, trainees.Values, cancellationToken);
        return list.Select(e =>
        {
            var trainee = trainees[e.TraineeId];
            return new RosterEntry(
                e.Id, e.Number, e.Status, EnrolmentResponse.WaitingPositionOf(course, e),
                TraineeDetails.From(trainee, trainee.EstablishmentId is { } establishmentId ? establishments.GetValueOrDefault(establishmentId) : null),
                course.Sessions.Count(s => s.Present.Contains(e.Id)),
                Math.Round(course.AttendanceOf(e.Id), 4),
                e.Completed, e.CertificateNumber, e.CertificateIssuedOn, e.EmployedAfter);
        }).ToList();
    }

    internal static async Task<Dictionary<Guid, KnownEstablishment>> EstablishmentsOfAsync(
        TrainingDbContext db, IEnumerable<Trainee> trainees, CancellationToken cancellationToken)
    {
        var ids = trainees.Where(t => t.EstablishmentId is not null).Select(t => t.EstablishmentId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Establishments.AsNoTracking().Where(e => ids.Contains(e.EstablishmentId)).ToDictionaryAsync(e => e.EstablishmentId, cancellationToken);
    }
}
