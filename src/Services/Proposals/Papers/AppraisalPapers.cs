using System.Globalization;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Papers;

/// <summary>
/// The papers of an appraisal: a member's score sheet (phiếu thẩm định, Circular 36/2013 forms 4a/4b) with the six
/// criteria, their maximum and the member's points, and the council's summary (biên bản tổng hợp) with every seat's
/// total, the average and the recommendation. An unscored sheet prints blank, for a council meeting on paper.
/// </summary>
public static class AppraisalPapers
{
    private static readonly (string Criterion, Func<AppraisalSheet, int> Points)[] Criteria =
    [
        ("Sự phù hợp với quy định của chương trình khuyến công", s => s.FitWithRules),
        ("Mục tiêu và hiệu quả của đề án", s => s.ObjectivesAndEfficiency),
        ("Tính hợp lý của dự toán kinh phí", s => s.BudgetReasonableness),
        ("Năng lực của đơn vị thực hiện và cơ sở thụ hưởng", s => s.UnitCapacity),
        ("Khả năng lồng ghép với các chương trình khác", s => s.CombinationWithOtherProgrammes),
        ("Tính đầy đủ của hồ sơ", s => s.DossierCompleteness),
    ];

    public static string SheetFileName(Proposal proposal, AppraisalMember member) =>
        PaperHttp.FileName($"phieu-tham-dinh-{member.Seat}", proposal.Code);

    public static string SummaryFileName(Proposal proposal, Appraisal appraisal) =>
        PaperHttp.FileName($"tong-hop-tham-dinh-lan-{appraisal.Round}", proposal.Code);

    public static byte[] ScoreSheet(Proposal proposal, Appraisal appraisal, AppraisalMember member, PaperIssuer issuer)
    {
        using var paper = new PaperDocument($"Phiếu thẩm định đề án {proposal.Code} — {member.Name}");
        issuer.Heading(paper, null, DateOf(member.ScoredAt));
        paper.Heading("PHIẾU THẨM ĐỊNH ĐỀ ÁN KHUYẾN CÔNG")
            .Paragraph($"Đề án: {proposal.Code} — {proposal.Title}", bold: true)
            .Paragraph($"Cơ sở thụ hưởng: {Beneficiaries(proposal)}")
            .Paragraph($"Kinh phí khuyến công đề nghị hỗ trợ: {PaperFormat.Money(proposal.Budget.StateSupport)} đồng; tổng kinh phí {PaperFormat.Money(proposal.Budget.Total)} đồng")
            .Paragraph($"Thành viên Hội đồng: {member.Name} — {member.Position}{(member.IsChair ? " (Chủ tịch Hội đồng)" : "")}")
            .Paragraph($"Lần thẩm định: {appraisal.Round}", spaceAfter: 8);
        var sheet = member.Sheet;
        var rows = Criteria.Select((c, i) => (IReadOnlyList<string>)
            [(i + 1).ToString(CultureInfo.InvariantCulture), c.Criterion, c.Points(AppraisalSheet.Maximum).ToString(CultureInfo.InvariantCulture),
                sheet is null ? "" : c.Points(sheet).ToString(CultureInfo.InvariantCulture)]).ToList();
        rows.Add(["", "Tổng cộng", AppraisalSheet.Maximum.Total.ToString(CultureInfo.InvariantCulture), sheet?.Total.ToString(CultureInfo.InvariantCulture) ?? ""]);
        paper.Table(
            [new("TT", 0.6, PaperAlign.Center), new("Tiêu chí", 6), new("Điểm tối đa", 1.5, PaperAlign.Right), new("Điểm chấm", 1.5, PaperAlign.Right)],
            rows, size: 11, boldRows: new HashSet<int> { rows.Count - 1 });
        if (member.SteppedOut)
        {
            paper.Paragraph($"Thành viên đã khai báo xung đột lợi ích và không tham gia thẩm định: {member.ConflictReason}", italic: true);
        }
        paper.Paragraph($"Đề án đạt khi điểm bình quân của Hội đồng từ {PaperFormat.Decimal(appraisal.PassThreshold)} điểm trở lên.", italic: true, spaceAfter: 12);
        SignatureOf(paper, "THÀNH VIÊN HỘI ĐỒNG", member.Name);
        return paper.ToPdf();
    }

    public static byte[] Summary(Proposal proposal, Appraisal appraisal, PaperIssuer issuer)
    {
        using var paper = new PaperDocument($"Tổng hợp kết quả thẩm định đề án {proposal.Code}");
        var completedOn = appraisal.IsCompleted ? proposal.AppraisalCompletedOn ?? DateOf(appraisal.CompletedAt) : null;
        issuer.Heading(paper, null, completedOn);
        paper.Heading("BIÊN BẢN TỔNG HỢP KẾT QUẢ THẨM ĐỊNH")
            .Paragraph($"Đề án: {proposal.Code} — {proposal.Title}", bold: true)
            .Paragraph($"Cơ sở thụ hưởng: {Beneficiaries(proposal)}")
            .Paragraph($"Kinh phí khuyến công đề nghị hỗ trợ: {PaperFormat.Money(proposal.Budget.StateSupport)} đồng; tổng kinh phí {PaperFormat.Money(proposal.Budget.Total)} đồng")
            .Paragraph($"Lần thẩm định: {appraisal.Round}; ngày thành lập Hội đồng: {PaperFormat.Date(DateOf(appraisal.StartedAt)!.Value)}", spaceAfter: 8);
        var members = appraisal.Members.OrderBy(m => m.Seat).ThenBy(m => m.Id).ToList();
        var rows = members.Select(m => (IReadOnlyList<string>)
        [
            m.Seat.ToString(CultureInfo.InvariantCulture), m.Name, m.Position + (m.IsChair ? " (Chủ tịch)" : ""),
            m.SteppedOut ? "Không tham gia (xung đột lợi ích)" : m.Sheet?.Total.ToString(CultureInfo.InvariantCulture) ?? "Chưa chấm",
        ]).ToList();
        paper.Table(
            [new("TT", 0.6, PaperAlign.Center), new("Thành viên", 3.5), new("Chức danh", 3), new("Tổng điểm", 2.4, PaperAlign.Right)],
            rows, size: 11);
        var present = appraisal.Present.Count();
        paper.Paragraph($"Số thành viên tham gia thẩm định: {present}/{members.Count}");
        if (appraisal.IsCompleted)
        {
            var verdict = appraisal.Recommendation == AppraisalRecommendation.Recommend ? "Đề nghị phê duyệt" : "Không đề nghị phê duyệt";
            paper.Paragraph($"Điểm bình quân: {PaperFormat.Decimal(appraisal.AverageScore ?? 0)} (ngưỡng đạt {PaperFormat.Decimal(appraisal.PassThreshold)})", bold: true)
                .Paragraph($"Kết luận của Hội đồng: {verdict}", bold: true, spaceAfter: 12);
        }
        else
        {
            paper.Paragraph("Hội đồng chưa kết thúc thẩm định; bảng trên là kết quả tạm thời.", italic: true, spaceAfter: 12);
        }
        var chair = members.FirstOrDefault(m => m.IsChair);
        SignatureOf(paper, "CHỦ TỊCH HỘI ĐỒNG", chair?.Name);
        return paper.ToPdf();
    }

    private static void SignatureOf(PaperDocument paper, string title, string? name) =>
        paper.Columns([""], ["*" + title, "_(Ký, ghi rõ họ tên)", "", "", "", name is null ? "" : "*" + name], leftShare: 0.5);

    private static string Beneficiaries(Proposal proposal) =>
        string.Join("; ", proposal.Beneficiaries.OrderBy(b => b.Position).Select(b => $"{b.Name} (MST {b.TaxCode})"));

    private static DateOnly? DateOf(DateTimeOffset? at) => at is { } instant ? Platform.Time.ProvinceCalendar.DateOf(instant) : null;
}
