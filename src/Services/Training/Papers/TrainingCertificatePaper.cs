using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Training.Api;
using KhuyenCong.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Papers;

/// <summary>
/// The certificate of a trainee who completed a course (giấy chứng nhận hoàn thành khóa học), issued by the Centre on a
/// landscape A4: the trainee (name, birth year, ethnic group), the course, its trade, place and dates, the certificate's
/// number and the day it was issued.
/// </summary>
public static class TrainingCertificatePaper
{
    public static string FileName(Enrolment enrolment) => PaperHttp.FileName("chung-nhan-hoan-thanh", enrolment.CertificateNumber ?? enrolment.Id.ToString("N"));

    /// <summary>
    /// Prints the trainee's certificate and stores it among the course's files (kind <see cref="DocumentKind.Certificate"/>,
    /// read by officers only) in the issuing command's transaction, so that every later printing serves this copy; a copy
    /// stored earlier stays the copy of record.
    /// </summary>
    public static async Task<byte[]> IssueAsync(AttachmentStore store, DbContext db, Course course, Enrolment enrolment, Trainee trainee, PaperIssuer issuer,
        string actor, string? actorName, CancellationToken cancellationToken) =>
        (await store.IssueAsync(db, new AttachmentUpload(CourseAttachmentsApi.RecordKind, course.Id, DocumentKind.Certificate, FileName(enrolment),
            Print(course, enrolment, trainee, issuer), actor, actorName), cancellationToken)).Paper;

    /// <summary>The copy stored when the certificate was issued, or null.</summary>
    public static Task<byte[]?> IssuedAsync(DbContext db, Course course, Enrolment enrolment, CancellationToken cancellationToken) =>
        AttachmentStore.IssuedAsync(db, CourseAttachmentsApi.RecordKind, course.Id, DocumentKind.Certificate, FileName(enrolment), cancellationToken);

    public static byte[] Print(Course course, Enrolment enrolment, Trainee trainee, PaperIssuer issuer)
    {
        using var paper = new PaperDocument($"Giấy chứng nhận {enrolment.CertificateNumber} — {trainee.FullName}", landscape: true);
        issuer.Heading(paper, $"Số: {enrolment.CertificateNumber}", null, byCentre: true);
        var where = string.IsNullOrWhiteSpace(course.Location.District) || course.Location.Name.Contains(course.Location.District, StringComparison.Ordinal)
            ? course.Location.Name
            : $"{course.Location.Name}, {course.Location.District}";
        var when = course.StartDate is { } start && course.EndDate is { } end
            ? $" từ ngày {PaperFormat.Date(start)} đến ngày {PaperFormat.Date(end)}"
            : "";
        paper.Space(12)
            .Heading("GIẤY CHỨNG NHẬN", 26)
            .Heading("HOÀN THÀNH KHÓA HỌC", 16)
            .Space(8)
            .Paragraph($"{issuer.Centre} {issuer.Province} chứng nhận:", align: PaperAlign.Center, size: 13)
            .Paragraph($"{(trainee.Gender == Gender.Female ? "Bà" : "Ông")} {trainee.FullName}", bold: true, size: 20, align: PaperAlign.Center, spaceAfter: 6)
            .Paragraph($"Sinh năm: {trainee.BirthYear}    Dân tộc: {trainee.EthnicGroup}", align: PaperAlign.Center, size: 13)
            .Paragraph($"Đã hoàn thành khóa {CodeNames.VietnameseOf(course.Type).ToLowerInvariant()}: {course.Title}", align: PaperAlign.Center, size: 13)
            .Paragraph($"Nghề: {course.Trade}", align: PaperAlign.Center, size: 13)
            .Paragraph($"Tổ chức tại {where}{when}.", align: PaperAlign.Center, size: 13, spaceAfter: 12);
        var issuedOn = enrolment.CertificateIssuedOn;
        paper.Columns([""],
            [issuedOn is { } day ? $"_{issuer.Province}, {PaperFormat.LongDate(day)}" : "", "*GIÁM ĐỐC", "_(Ký tên, đóng dấu)"], leftShare: 0.5);
        return paper.ToPdf();
    }
}
