using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Products.Api;
using KhuyenCong.Products.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Papers;

/// <summary>
/// The typical rural industrial product certificate (giấy chứng nhận sản phẩm CNNT tiêu biểu, Circular 26/2014/TT-BCT)
/// on a landscape A4: the issuing authority of its level (the district's or the province's People's Committee, the
/// Ministry for regional and national rounds), the product, its group, the holder, the average score, the number, the
/// issue day and the last day of validity; a revoked certificate prints its revocation.
/// </summary>
public static class CertificatePaper
{
    public static string FileName(Certificate certificate) => PaperHttp.FileName("giay-chung-nhan", certificate.Number);

    /// <summary>
    /// Prints the certificate and stores it among its entry's files (kind <see cref="DocumentKind.Certificate"/>) in the
    /// issuing command's transaction, so that every later printing serves this copy; a copy stored earlier stays the
    /// copy of record and is answered instead.
    /// </summary>
    public static async Task<byte[]> IssueAsync(AttachmentStore store, DbContext db, Certificate certificate, PaperIssuer issuer,
        string actor, string? actorName, CancellationToken cancellationToken) =>
        (await store.IssueAsync(db, new AttachmentUpload(CompetitionAttachmentsApi.EntryRecord, certificate.EntryId, DocumentKind.Certificate,
            FileName(certificate), Print(certificate, issuer), actor, actorName), cancellationToken)).Paper;

    /// <summary>The copy stored when the certificate was issued, or null.</summary>
    public static Task<byte[]?> IssuedAsync(DbContext db, Certificate certificate, CancellationToken cancellationToken) =>
        AttachmentStore.IssuedAsync(db, CompetitionAttachmentsApi.EntryRecord, certificate.EntryId, DocumentKind.Certificate, FileName(certificate),
            cancellationToken);

    public static byte[] Print(Certificate certificate, PaperIssuer issuer)
    {
        var level = CodeNames.VietnameseOf(certificate.Level).ToLowerInvariant();
        using var paper = new PaperDocument($"Giấy chứng nhận {certificate.Number} — {certificate.ProductName}", landscape: true);
        var (authority, signer) = certificate.Level switch
        {
            RecognitionLevel.District => ($"UBND {certificate.District.ToUpperInvariant()}", "TM. ỦY BAN NHÂN DÂN"),
            RecognitionLevel.Provincial => ($"UBND TỈNH {issuer.Province.ToUpperInvariant()}", "TM. ỦY BAN NHÂN DÂN"),
            _ => ("BỘ CÔNG THƯƠNG", "BỘ TRƯỞNG"),
        };
        paper.Columns(["*" + authority, $"Số: {certificate.Number}"],
                ["*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "*Độc lập - Tự do - Hạnh phúc"], size: 11, leftShare: 0.4)
            .Space(18)
            .Heading("GIẤY CHỨNG NHẬN", 26)
            .Heading($"SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU {level.ToUpperInvariant()} NĂM {certificate.CompetitionYear}", 15)
            .Space(10)
            .Paragraph("Chứng nhận sản phẩm", align: PaperAlign.Center, size: 13)
            .Paragraph(certificate.ProductName, bold: true, size: 20, align: PaperAlign.Center, spaceAfter: 8)
            .Paragraph($"Nhóm sản phẩm: {CodeNames.VietnameseOf(certificate.Group)}", align: PaperAlign.Center, size: 13)
            .Paragraph($"của {certificate.EstablishmentName} (mã số thuế {certificate.EstablishmentTaxCode}), {certificate.District}", align: PaperAlign.Center, size: 13)
            .Paragraph($"đạt {PaperFormat.Decimal(certificate.AverageScore)} điểm, được công nhận sản phẩm công nghiệp nông thôn tiêu biểu {level}.", align: PaperAlign.Center, size: 13)
            .Paragraph($"Giấy chứng nhận có giá trị từ ngày {PaperFormat.Date(certificate.IssuedOn)} đến hết ngày {PaperFormat.Date(certificate.ExpiresOn)}.",
                italic: true, align: PaperAlign.Center, size: 12, spaceAfter: 10);
        if (certificate.Status == CertificateStatus.Revoked && certificate.RevokedOn is { } revokedOn)
        {
            paper.Paragraph($"ĐÃ THU HỒI ngày {PaperFormat.Date(revokedOn)}: {certificate.RevocationReason}", bold: true, align: PaperAlign.Center, size: 13);
        }
        paper.Columns([""], [$"_{issuer.Province}, {PaperFormat.LongDate(certificate.IssuedOn)}", "*" + signer, "_(Ký tên, đóng dấu)"], leftShare: 0.5);
        return paper.ToPdf();
    }
}
