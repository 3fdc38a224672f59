using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Papers;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Training.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Papers;

/// <summary>
/// A trainee's certificate as PDF. It carries personal data (name, birth year, ethnic group), so like the roster it is
/// for Centre officers, who print and hand it over. It is stored among the course's files when issued, and printing
/// serves that copy byte for byte.
/// </summary>
public static class TrainingPapersApi
{
    public static IEndpointRouteBuilder MapTrainingPapersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/training/courses/{id:guid}/enrolments/{enrolmentId:guid}/certificate", Certificate)
            .WithName("PrintTrainingCertificate").WithTags("Course roster (personal data: officers only)")
            .RequireAuthorization(Policies.Read, Policies.Manage)
            .ProducesPaper().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>The certificate of a trainee who completed the course, once certificates are issued; 409 before.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Certificate(
        Guid id, Guid enrolmentId, TrainingDbContext db, PaperIssuer issuer, AttachmentStore store, HttpContext http, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().Include(c => c.Enrolments).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var enrolment = course?.FindEnrolment(enrolmentId);
        if (course is null || enrolment is null)
        {
            return ApiProblems.NotFound("Enrolment", $"The course has no enrolment with id {enrolmentId}.", $"Khóa học không có học viên ghi danh mã {enrolmentId}.");
        }
        if (enrolment.CertificateNumber is null)
        {
            return ApiProblems.Conflict("no-certificate",
                "The trainee holds no certificate of this course: certificates are issued to those who completed it, once the course is completed.",
                "Học viên chưa có giấy chứng nhận của khóa học này: giấy chứng nhận được cấp cho học viên hoàn thành khóa học, sau khi khóa học kết thúc.");
        }
        var fileName = TrainingCertificatePaper.FileName(enrolment);
        if (await TrainingCertificatePaper.IssuedAsync(db, course, enrolment, cancellationToken) is { } issued)
        {
            return PaperHttp.Inline(http, issued, fileName);
        }
        // A certificate issued before certificates were stored when issued is stored at its first printing.
        var trainee = await db.Trainees.AsNoTracking().SingleAsync(t => t.Id == enrolment.TraineeId, cancellationToken);
        var stored = await db.RunAsync<FileContentHttpResult>(async ct => PaperHttp.Inline(http,
            await TrainingCertificatePaper.IssueAsync(store, db, course, enrolment, trainee, issuer, Actor.NameOf(user), user.FindFirst("name")?.Value, ct),
            fileName), cancellationToken);
        return stored.Result as FileContentHttpResult ?? PaperHttp.Inline(http, TrainingCertificatePaper.Print(course, enrolment, trainee, issuer), fileName);
    }
}
