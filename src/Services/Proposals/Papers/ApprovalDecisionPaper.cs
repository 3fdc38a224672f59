using KhuyenCong.Contracts;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Papers;

/// <summary>
/// The approval decision (quyết định phê duyệt) of an approved proposal, as the Department issues it: the heading of
/// an administrative decision, the grounds, three articles, the signature block, and the annex of the proposal's
/// content (beneficiaries, location, content, total cost, support by source, schedule, the detailed estimate).
/// </summary>
public static class ApprovalDecisionPaper
{
    public static string FileName(Proposal proposal) => PaperHttp.FileName("quyet-dinh-phe-duyet", proposal.Code);

    public static byte[] Print(Proposal proposal, PaperIssuer issuer)
    {
        var approval = proposal.Approval ?? throw new InvalidOperationException($"Proposal {proposal.Code} is not approved.");
        var source = proposal.FundingSource == Domain.FundingSource.National ? "quốc gia" : "địa phương";
        using var paper = new PaperDocument($"Quyết định {approval.DecisionNumber} phê duyệt đề án {proposal.Code}");
        issuer.Heading(paper, $"Số: {approval.DecisionNumber}", approval.DecisionDate);
        paper.Heading("QUYẾT ĐỊNH")
            .Paragraph($"Về việc phê duyệt đề án khuyến công {source} năm {proposal.PlanYear}", bold: true, align: PaperAlign.Center)
            .Paragraph(proposal.Title, italic: true, align: PaperAlign.Center, spaceAfter: 10)
            .Paragraph($"GIÁM ĐỐC {issuer.Department.ToUpperInvariant()} TỈNH {issuer.Province.ToUpperInvariant()}", bold: true, align: PaperAlign.Center, spaceAfter: 8)
            .Paragraph("Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21/5/2012 của Chính phủ về khuyến công, được sửa đổi, bổ sung bởi Nghị định số 235/2025/NĐ-CP;", italic: true)
            .Paragraph("Căn cứ Thông tư số 28/2018/TT-BTC ngày 28/3/2018 của Bộ Tài chính hướng dẫn lập, quản lý, sử dụng kinh phí khuyến công;", italic: true);
        if (proposal.AppraisalCompletedOn is { } appraisedOn)
        {
            paper.Paragraph($"Căn cứ kết quả thẩm định của Hội đồng thẩm định ngày {PaperFormat.Date(appraisedOn)} (điểm bình quân {PaperFormat.Decimal(approval.AppraisalScore)});", italic: true);
        }
        paper.Paragraph($"Xét đề nghị của {proposal.ImplementingUnit},", italic: true, spaceAfter: 8)
            .Heading("QUYẾT ĐỊNH:", 12)
            .Paragraph($"Điều 1. Phê duyệt đề án {proposal.Code} \"{proposal.Title}\" (nguồn kinh phí khuyến công {source}) với nội dung chính tại Phụ lục kèm theo Quyết định này. "
                + $"Kinh phí khuyến công hỗ trợ: {PaperFormat.Money(approval.ApprovedSupport)} đồng.")
            .Paragraph($"Điều 2. {proposal.ImplementingUnit} có trách nhiệm tổ chức thực hiện đề án theo đúng nội dung được phê duyệt; "
                + "tạm ứng, thanh toán và quyết toán kinh phí theo quy định hiện hành.")
            .Paragraph($"Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng các phòng liên quan, {proposal.ImplementingUnit} "
                + $"và {string.Join(", ", proposal.Beneficiaries.OrderBy(b => b.Position).Select(b => b.Name))} chịu trách nhiệm thi hành Quyết định này.", spaceAfter: 12);
        issuer.Signature(paper, "GIÁM ĐỐC");

        Annex(paper, proposal, approval);
        return paper.ToPdf();
    }

    private static void Annex(PaperDocument paper, Proposal proposal, Approval approval)
    {
        paper.PageBreak()
            .Heading("PHỤ LỤC", 13)
            .Paragraph($"Nội dung đề án {proposal.Code}", bold: true, align: PaperAlign.Center)
            .Paragraph($"(Kèm theo Quyết định số {approval.DecisionNumber} ngày {PaperFormat.Date(approval.DecisionDate)})", italic: true, align: PaperAlign.Center, spaceAfter: 8);
        var content = CodeNames.VietnameseOf((ContentGroup)proposal.ContentGroup);
        if (proposal.Activity is { } activity)
        {
            content += $" — {CodeNames.VietnameseOf(activity)}";
        }
        var schedule = proposal.Pilot is { } pilot
            ? $"Đề án điểm {pilot.Years} năm, từ năm {pilot.StartYear} đến năm {pilot.EndYear}"
            : $"Năm {proposal.PlanYear}";
        var budget = proposal.Budget;
        var total = approval.ApprovedSupport + budget.OwnCapital + budget.OtherSources;
        paper.Table(
            [new("Nội dung", 3), new("Chi tiết", 7)],
            [
                ["Tên đề án", proposal.Title],
                ["Cơ sở thụ hưởng", string.Join("\n", proposal.Beneficiaries.OrderBy(b => b.Position).Select(b => $"{b.Name} (MST {b.TaxCode})"))],
                ["Đơn vị thực hiện", proposal.ImplementingUnit],
                ["Địa điểm", proposal.Location.Contains(proposal.District, StringComparison.Ordinal) ? proposal.Location : $"{proposal.Location}, {proposal.District}"],
                ["Nội dung hỗ trợ", $"Nhóm {proposal.ContentGroup}: {content}"],
                ["Mục tiêu", proposal.Objectives],
                ["Thời gian thực hiện", schedule],
                ["Dự kiến hiệu quả", $"{PaperFormat.Number(proposal.ExpectedJobs)} lao động, thu nhập bình quân {PaperFormat.Money(proposal.ExpectedAverageWage)} đồng/người/tháng"],
            ]);
        paper.Paragraph("Kinh phí thực hiện (đồng)", bold: true);
        paper.Table(
            [new("Nguồn kinh phí", 6), new("Số tiền", 3, PaperAlign.Right)],
            [
                ["Kinh phí khuyến công hỗ trợ", PaperFormat.Money(approval.ApprovedSupport)],
                ["Vốn đối ứng của cơ sở", PaperFormat.Money(budget.OwnCapital)],
                ["Nguồn khác", PaperFormat.Money(budget.OtherSources)],
                ["Tổng kinh phí", PaperFormat.Money(total)],
            ],
            boldRows: new HashSet<int> { 3 });
        if (proposal.Estimate.Count > 0)
        {
            paper.Paragraph("Dự toán chi tiết (đồng)", bold: true);
            var lines = proposal.Estimate.OrderBy(l => l.Position).ToList();
            var rows = lines.Select(l => (IReadOnlyList<string>)
                [l.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Item, PaperFormat.Money(l.StateSupport), PaperFormat.Money(l.OwnCapital),
                    PaperFormat.Money(l.OtherSources), PaperFormat.Money(l.Total)]).ToList();
            rows.Add(["", "Cộng", PaperFormat.Money(lines.Sum(l => l.StateSupport)), PaperFormat.Money(lines.Sum(l => l.OwnCapital)),
                PaperFormat.Money(lines.Sum(l => l.OtherSources)), PaperFormat.Money(lines.Sum(l => l.Total))]);
            paper.Table(
                [new("TT", 0.6, PaperAlign.Center), new("Nội dung chi", 3.2), new("Khuyến công", 2.3, PaperAlign.Right),
                    new("Vốn đối ứng", 2.3, PaperAlign.Right), new("Nguồn khác", 1.7, PaperAlign.Right), new("Tổng", 2.5, PaperAlign.Right)],
                rows, size: 9, boldRows: new HashSet<int> { rows.Count - 1 });
        }
    }
}
