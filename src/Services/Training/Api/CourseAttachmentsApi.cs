using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.History;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Training.Data;
using KhuyenCong.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Api;

/// <summary>
/// The papers of a course (its plan, its trainee list, the minutes closing it, photos), kept in the service's database
/// (<see cref="AttachmentStore"/>). A course is public to every signed-in role, and so are its papers, except the trainee
/// list, which names people and is read only by officers, as the roster is. Officers attach and withdraw; each file
/// and each withdrawal is on the course's history.
/// </summary>
public static class CourseAttachmentsApi
{
    internal const string RecordKind = "Course";

    /// <summary>The papers only officers read: they name trainees (the list, the certificates issued to them).</summary>
    private static readonly DocumentKind[] PersonalPapers = [DocumentKind.TraineeList, DocumentKind.Certificate];

    private static readonly AttachmentRoutes Routes = new(RecordKind, "Course", "Training courses", "id",
        [DocumentKind.CoursePlan, DocumentKind.TraineeList, DocumentKind.CourseClosingMinutes, DocumentKind.Photo, DocumentKind.Other],
        Policies.Manage, "course", "Khoá đào tạo");

    public static RouteGroupBuilder MapCourseAttachmentsApi(this RouteGroupBuilder training)
    {
        training.MapGroup("/courses/{id:guid}/attachments").MapAttachments<TrainingDbContext>(Routes, FindAsync);
        return training;
    }

    private static async Task<AttachedRecord?> FindAsync(AttachmentCall<TrainingDbContext> call, bool forChange)
    {
        var (db, id, ct) = (call.Db, call.RecordId, call.CancellationToken);
        if (forChange)
        {
            await db.LockAsync<Course>(id, ct);
        }
        var courses = forChange ? db.Courses : db.Courses.AsNoTracking();
        var course = await courses.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (course is null)
        {
            return null;
        }
        var officer = call.User.Admits(Policies.Manage);
        return new AttachedRecord
        {
            Reads = kind => officer || !PersonalPapers.Contains(kind),
            ReadsWithdrawn = officer,
            EnsureMayAttach = _ => { },
            MayWithdraw = _ => officer,
            Attached = a => Record(db, course, HistoryEntry.Of(id, CourseHistory.AttachmentAdded, call.Actor, call.ActorName, call.Now) with
            {
                Document = a.FileName,
                Changes = [new FieldChange("kind", null, a.Kind.ToString())],
            }),
            Withdrawn = (a, reason) => Record(db, course, HistoryEntry.Of(id, CourseHistory.AttachmentWithdrawn, call.Actor, call.ActorName, call.Now) with
            {
                Document = a.FileName,
                Reason = reason,
                Changes = [new FieldChange("kind", a.Kind.ToString(), null)],
            }),
        };
    }

    private static void Record(TrainingDbContext db, Course course, HistoryEntry entry)
    {
        db.Record(entry);
        db.Touch(course);
    }
}
