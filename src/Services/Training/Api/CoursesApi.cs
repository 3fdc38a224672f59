using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Search;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Training.Data;
using KhuyenCong.Training.Domain;
using KhuyenCong.Training.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Training.Api;

/// <summary>Courses: planning, search and the lifecycle Planned → Open for enrolment → In progress → Completed | Cancelled.</summary>
public static class CoursesApi
{
    private const int MaxCapacity = 1000;
    private const int MaxInstructors = 20;

    public static RouteGroupBuilder MapCoursesApi(this RouteGroupBuilder training)
    {
        var group = training.MapGroup("/courses").WithTags("Training courses");
        // Courses carry no personal data: every signed-in role reads them (the Read of the training group).
        group.MapGet("/", List).WithName("ListCourses");
        group.MapGet("/{id:guid}", Get).WithName("GetCourse").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/history", History).WithName("GetCourseHistory").ProducesProblem(StatusCodes.Status404NotFound);
        // Planning and moving a course is the Centre's work.
        group.MapPost("/", Plan).WithName("PlanCourse").RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:guid}", Revise).WithName("ReviseCourse").RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/open", Open).WithName("OpenCourse").RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/start", Start).WithName("StartCourse").RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/complete", Complete).WithName("CompleteCourse").RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelCourse").RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return training;
    }

    internal static async Task<Results<Created<CourseDetails>, ValidationProblem, ProblemHttpResult>> Plan(
        CoursePlanRequest request, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Created<CourseDetails>>(async ct =>
        {
            var now = time.GetUtcNow();
            var course = Course.Plan(await ResolveAsync(request, db, ct), now);
            db.Courses.Add(course);
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.Created, user, now));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/training/courses/{course.Id}", CourseDetails.From(course));
        }, cancellationToken);
    }

    internal static async Task<Results<Ok<PageOf<CourseSummary>>, ValidationProblem>> List(
        TrainingDbContext db, CancellationToken cancellationToken,
        int? year = null, CourseStatus? status = null, CourseType? type = null, string? district = null,
        Guid? proposalId = null, string? q = null, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation()
            .Paging(page, pageSize)
            .Expect(q is null || q.Length <= 200, "q", "must be at most 200 characters.", "dài tối đa 200 ký tự.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }

        var query = db.Courses.AsNoTracking();
        if (year is not null)
        {
            query = query.Where(c => c.PlanYear == year);
        }
        if (status is not null)
        {
            query = query.Where(c => c.Status == status);
        }
        if (type is not null)
        {
            query = query.Where(c => c.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(c => c.Location.District == district.Trim());
        }
        if (proposalId is not null)
        {
            query = query.Where(c => c.FundingProposalId == proposalId);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = Like.Contains(q.Trim());
            query = query.Where(c => EF.Functions.ILike(c.Title, pattern, Like.EscapeCharacter)
                                     || EF.Functions.ILike(c.Trade, pattern, Like.EscapeCharacter)
                                     || EF.Functions.ILike(c.FundingProposalCode!, pattern, Like.EscapeCharacter));
        }
        var courses = await query.Include(c => c.Enrolments)
            .OrderByDescending(c => c.PlanYear).ThenBy(c => c.StartDate).ThenBy(c => c.Id)
            .AsSplitQuery().PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(courses.Map(CourseSummary.From));
    }

    internal static async Task<Results<Ok<CourseDetails>, ProblemHttpResult>> Get(
        Guid id, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var course = await db.CoursesWithDetails.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return course is null ? ApiProblems.NotFound("Course", id) : TypedResults.Ok(CourseDetails.From(course));
    }

    /// <summary>What was done to a course, by whom and when; whoever reads the course reads it, trainees' names only officers.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<HistoryEntryResponse>>, ProblemHttpResult>> History(
        Guid id, ClaimsPrincipal user, TrainingDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound("Course", id);
        }
        return TypedResults.Ok(CourseHistory.For(await db.HistoryOfAsync(id, cancellationToken), user.Admits(Policies.Manage),
            PlatformProblems.PrefersEnglish(context)));
    }

    internal static async Task<Results<Ok<CourseDetails>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, CoursePlanRequest request, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await ChangeAsync(id, db, cancellationToken, async (course, ct) =>
        {
            var before = CourseHistory.Snapshot(course);
            var now = time.GetUtcNow();
            course.Revise(await ResolveAsync(request, db, ct), now);
            var changes = FieldChange.Between(before, CourseHistory.Snapshot(course));
            if (changes.Count > 0)
            {
                db.Record(HistoryEntry.Of(course.Id, CourseHistory.Revised, user, now) with { Changes = changes });
            }
            if (course.Status == CourseStatus.OpenForEnrolment)
            {
                db.AddIntegrationEvent(TrainingEvents.Scheduled(course, Actor.NameOf(user)));
            }
        });
    }

    internal static Task<Results<Ok<CourseDetails>, ValidationProblem, ProblemHttpResult>> Open(
        Guid id, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, (course, _) =>
        {
            var now = time.GetUtcNow();
            course.Open(now);
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.Opened, user, now));
            db.AddIntegrationEvent(TrainingEvents.Scheduled(course, Actor.NameOf(user)));
            return Task.CompletedTask;
        });

    internal static Task<Results<Ok<CourseDetails>, ValidationProblem, ProblemHttpResult>> Start(
        Guid id, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, (course, _) =>
        {
            var now = time.GetUtcNow();
            course.Start(now);
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.Started, user, now) with { Amount = course.Seated.Count() });
            return Task.CompletedTask;
        });

    internal static Task<Results<Ok<CourseDetails>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, IOptions<TrainingOptions> options, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, cancellationToken, async (course, ct) =>
        {
            var now = time.GetUtcNow();
            course.Complete(options.Value.MinimumAttendance, now);
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.Completed, user, now) with
            {
                Amount = course.Seated.Count(e => e.Completed == true),
                Score = options.Value.MinimumAttendance,
            });
            db.AddIntegrationEvent(TrainingEvents.Completed(course, await TraineesOfAsync(db, course, ct), Actor.NameOf(user)));
        });

    internal static async Task<Results<Ok<CourseDetails>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, CancelCourseRequest request, ClaimsPrincipal user, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required(request.Reason, "reason", 1000);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await ChangeAsync(id, db, cancellationToken, (course, _) =>
        {
            var previous = course.Status;
            var now = time.GetUtcNow();
            course.Cancel(request.Reason!.Trim(), now);
            db.Record(HistoryEntry.Of(course.Id, CourseHistory.Cancelled, user, now) with { Reason = course.CancellationReason, Document = previous.ToString() });
            db.AddIntegrationEvent(TrainingEvents.Cancelled(course, previous, Actor.NameOf(user)));
            return Task.CompletedTask;
        });
    }

    /// <summary>The trainees seated in a course, for the figures of its events.</summary>
    internal static async Task<IReadOnlyDictionary<Guid, Trainee>> TraineesOfAsync(
        TrainingDbContext db, Course course, CancellationToken cancellationToken)
    {
        var ids = course.Seated.Select(e => e.TraineeId).ToList();
        return await db.Trainees.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    /// <summary>A change of one course on the command path, answered with the course as saved.</summary>
    private static Task<Results<Ok<CourseDetails>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, TrainingDbContext db, CancellationToken cancellationToken, Func<Course, CancellationToken, Task> change) =>
        db.ChangeAsync(id, ct => db.CoursesWithDetails.SingleOrDefaultAsync(c => c.Id == id, ct), change,
            course => TypedResults.Ok(CourseDetails.From(course)), () => ApiProblems.NotFound("Course", id), cancellationToken);

    private static RequestValidation Validate(CoursePlanRequest request)
    {
        var hasHost = !string.IsNullOrWhiteSpace(request.HostEstablishmentTaxCode);
        var planYear = request.PlanYear ?? request.StartDate?.Year;
        var validation = new RequestValidation()
            .Expect(request.Type is not null, "type", $"is required: one of {string.Join(", ", Enum.GetNames<CourseType>())}.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(CourseType))}.")
            .Required(request.Title, "title")
            .Expect(request.Trade is null || request.Trade.Length <= 200, "trade", "must be at most 200 characters.",
                "dài tối đa 200 ký tự.")
            .Expect(planYear is >= 2000 and <= 2100, "planYear", "(or the year of the start date) must be a year between 2000 and 2100.",
                "(hoặc năm của ngày bắt đầu) phải là năm từ 2000 đến 2100.")
            .RecordDate(request.StartDate, "startDate", required: false)
            .RecordDate(request.EndDate, "endDate", required: false)
            .Expect(request.StartDate is null || request.EndDate is null || request.EndDate >= request.StartDate, "endDate",
                "must not be before the start date.",
                "không được trước ngày bắt đầu.")
            .Expect(request.Capacity is null or (>= 1 and <= MaxCapacity), "capacity", $"must be between 1 and {MaxCapacity} seats.",
                $"phải từ 1 đến {MaxCapacity} chỗ.")
            .NotNegative(request.Budget, "budget")
            .Check(request.Instructors is null || request.Instructors.Count <= MaxInstructors, "instructors", $"At most {MaxInstructors} instructors.",
                $"Tối đa {MaxInstructors} giảng viên.")
            .Check(request.Instructors is null || request.Instructors.All(i => !string.IsNullOrWhiteSpace(i) && i.Length <= 200), "instructors",
                "Each instructor is a name of 1 to 200 characters.",
                "Tên mỗi giảng viên dài từ 1 đến 200 ký tự.")
            .Expect(request.HostEstablishmentTaxCode is null || request.HostEstablishmentTaxCode.Length <= 14, "hostEstablishmentTaxCode",
                "must be at most 14 characters.",
                "dài tối đa 14 ký tự.");
        if (!hasHost)
        {
            validation
                .Required(request.AdministrativeUnitCode, "administrativeUnitCode", 64)
                .Required(request.Location, "location", 300)
                .Required(request.District, "district", 100);
        }
        else
        {
            validation
                .Expect(request.AdministrativeUnitCode is null || request.AdministrativeUnitCode.Length <= 64, "administrativeUnitCode",
                    "must be at most 64 characters.",
                    "dài tối đa 64 ký tự.")
                .Expect(request.Location is null || request.Location.Length <= 300, "location", "must be at most 300 characters.",
                    "dài tối đa 300 ký tự.")
                .Expect(request.District is null || request.District.Length <= 100, "district", "must be at most 100 characters.",
                    "dài tối đa 100 ký tự.");
        }
        return validation;
    }

    /// <summary>
    /// Builds the plan of a valid request, taking the location from the host establishment where the request
    /// leaves it out; an unknown host establishment is refused.
    /// </summary>
    private static async Task<CoursePlan> ResolveAsync(
        CoursePlanRequest request, TrainingDbContext db, CancellationToken cancellationToken)
    {
        string? unitCode = request.AdministrativeUnitCode, location = request.Location, district = request.District;
        if (!string.IsNullOrWhiteSpace(request.HostEstablishmentTaxCode))
        {
            var taxCode = request.HostEstablishmentTaxCode.Trim();
            var host = await db.Establishments.AsNoTracking().SingleOrDefaultAsync(e => e.TaxCode == taxCode, cancellationToken);
            if (host is null)
            {
                throw new TrainingRuleException("unknown-establishment", RuleKind.Unprocessable,
                    $"No establishment with tax code {taxCode} is known to the registry.")
                {
                    Vietnamese = $"Không có cơ sở nào mang mã số thuế {taxCode} trong danh mục cơ sở.",
                };
            }
            unitCode = string.IsNullOrWhiteSpace(unitCode) ? host.AdministrativeUnitCode : unitCode;
            location = string.IsNullOrWhiteSpace(location) ? host.AdministrativeUnitName : location;
            district = string.IsNullOrWhiteSpace(district) ? host.District : district;
        }
        return new CoursePlan(
            request.Type!.Value,
            request.Title!.Trim(),
            request.Trade?.Trim() ?? "",
            new CourseLocation(unitCode!.Trim(), location!.Trim(), district!.Trim()),
            request.PlanYear ?? request.StartDate!.Value.Year,
            request.StartDate,
            request.EndDate,
            request.Capacity ?? 0,
            request.Budget!.Value,
            request.Instructors?.Select(i => i.Trim()).ToList() ?? []);
    }
}
