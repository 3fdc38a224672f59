using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Training.Data;
using KhuyenCong.Training.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using F = KhuyenCong.Contracts.Reconciliation.ReconciledFigures.Training;

namespace KhuyenCong.Training.Api;

/// <summary>
/// The training figures Reporting reconciles its read models against, with the definitions of its course
/// projection: a course counts in its plan year once opened for enrolment (its first published event)
/// unless cancelled; trainee figures are those of completed courses, over the seated trainees.
/// </summary>
public static class FiguresApi
{
    public static IEndpointRouteBuilder MapTrainingFiguresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/training/figures", Figures).WithTags("Training figures").WithName("GetTrainingFigures")
            .RequireAuthorization(Policies.Read, Policies.Admin);
        return app;
    }

    internal static async Task<Results<Ok<OwnerFigures>, ValidationProblem>> Figures(
        TrainingDbContext db, CancellationToken cancellationToken, int? fromYear = null, int? toYear = null)
    {
        var validation = new RequestValidation().PlanYears(fromYear, toYear);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.PlanYear >= fromYear && c.PlanYear <= toYear && c.OpenedAt != null && c.Status != CourseStatus.Cancelled)
            .Select(c => new
            {
                c.PlanYear,
                Completed = c.Status == CourseStatus.Completed,
                Enrolled = c.Enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled),
                Finished = c.Enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled && e.Completed == true),
                Certified = c.Enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled && e.CertificateNumber != null),
                EmployedAfter = c.Enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled && e.EmployedAfter == true),
            })
            .ToListAsync(cancellationToken);

        var values = new List<YearFigure>();
        foreach (var c in courses)
        {
            void Add(string figure, long value) => values.Add(new YearFigure(figure, c.PlanYear, value));
            Add(F.Courses, 1);
            if (c.Completed)
            {
                Add(F.CoursesCompleted, 1);
                Add(F.Enrolled, c.Enrolled);
                Add(F.Completed, c.Finished);
                Add(F.Certified, c.Certified);
                Add(F.EmployedAfter, c.EmployedAfter);
            }
        }
        return TypedResults.Ok(OwnerFigures.For(fromYear!.Value, toYear!.Value, F.All, values));
    }
}
