using KhuyenCong.Platform.Papers;
using KhuyenCong.Reporting.Reports;

namespace KhuyenCong.Reporting.Papers;

/// <summary>The figures of a report total, read by column name.</summary>
internal sealed record BriefFigures(ReportTable Proposals, ReportTable Outcomes, ReportTable Training, ReportTable Fairs, ReportTable Products, ReportTable ProposalsByYear);

/// <summary>
/// Reports as printable papers: any report of <c>/api/reports</c> as a table on landscape A4 (the same cells as the
/// spreadsheet, amounts as "1.234.567"), and the one-page leaders' brief of a period: headline figures, the leverage
/// ("1 đồng hỗ trợ thu hút N đồng"), jobs and wages, and tables in place of charts.
/// </summary>
internal static class ReportPapers
{
    public static byte[] Table(ReportTable table, IReadOnlyList<(string Name, string Header)> groupHeaders, PaperIssuer issuer, DateOnly printedOn)
    {
        var (columns, rows) = ReportExport.Cells(table, groupHeaders);
        using var paper = new PaperDocument(table.Title, landscape: true);
        paper.Paragraph($"{issuer.Department.ToUpperInvariant()} {issuer.Province.ToUpperInvariant()}", bold: true, size: 11)
            .Heading(table.Title.ToUpperInvariant(), 13)
            .Paragraph(Scope(table.Filter), italic: true, align: PaperAlign.Center, size: 11, spaceAfter: 8);
        var printed = rows.Select(cells => (IReadOnlyList<string>)[.. cells.Select((value, i) => Cell(value, columns[i].Kind))]).ToList();
        paper.Table([.. columns.Select(c => new PaperColumn(c.Header, c.Kind == ReportColumnKind.Text ? 2.2 : 1.6,
                c.Kind == ReportColumnKind.Text ? PaperAlign.Left : PaperAlign.Right))],
            printed, size: columns.Count > 8 ? 7 : 9, boldRows: new HashSet<int> { printed.Count - 1 });
        paper.Paragraph($"In ngày {PaperFormat.Date(printedOn)}", italic: true, align: PaperAlign.Right, size: 10);
        return paper.ToPdf();
    }

    public static byte[] Brief(BriefFigures figures, PaperIssuer issuer, DateOnly printedOn)
    {
        var proposals = figures.Proposals.Total.Figures;
        var outcomes = figures.Outcomes.Total.Figures;
        var training = figures.Training.Total.Figures;
        var fairs = figures.Fairs.Total.Figures;
        var products = figures.Products.Total.Figures;
        using var paper = new PaperDocument("Báo cáo tóm tắt chương trình khuyến công");
        paper.Paragraph($"{issuer.Department.ToUpperInvariant()} {issuer.Province.ToUpperInvariant()}", bold: true, size: 11)
            .Heading("BÁO CÁO TÓM TẮT CHƯƠNG TRÌNH KHUYẾN CÔNG", 14)
            .Paragraph(Scope(figures.Proposals.Filter), italic: true, align: PaperAlign.Center, size: 11, spaceAfter: 8);
        var leverage = proposals["leverage"] is decimal ratio
            ? $"1 đồng hỗ trợ thu hút {PaperFormat.Decimal(ratio)} đồng vốn đầu tư của cơ sở"
            : "Chưa có kinh phí khuyến công được phê duyệt trong kỳ";
        paper.Paragraph(leverage, bold: true, size: 13, align: PaperAlign.Center, spaceAfter: 8);
        paper.Table(
            [new("Chỉ tiêu", 6), new("Kết quả", 3, PaperAlign.Right)],
            [
                ["Số đề án được phê duyệt", Cell(proposals["approved"], ReportColumnKind.Count)],
                ["Tổng kinh phí thực hiện (đồng)", Cell(proposals["totalBudget"], ReportColumnKind.Money)],
                ["Kinh phí khuyến công được phê duyệt (đồng)", Cell(proposals["stateSupport"], ReportColumnKind.Money)],
                ["Vốn đối ứng của cơ sở (đồng)", Cell(proposals["ownCapital"], ReportColumnKind.Money)],
                ["Số đề án đã nghiệm thu", Cell(outcomes["acceptedProposals"], ReportColumnKind.Count)],
                ["Số lao động có việc làm", Cell(outcomes["jobsCreated"], ReportColumnKind.Count)],
                ["Thu nhập bình quân (đồng/người/tháng)", Cell(outcomes["averageWage"], ReportColumnKind.Money)],
                ["Số cơ sở được hỗ trợ", Cell(outcomes["establishmentsSupported"], ReportColumnKind.Count)],
                ["Số học viên hoàn thành đào tạo", Cell(training["completed"], ReportColumnKind.Count)],
                ["Số hội chợ đã tổ chức / số gian hàng", $"{Cell(fairs["fairsHeld"], ReportColumnKind.Count)} / {Cell(fairs["booths"], ReportColumnKind.Count)}"],
                ["Số sản phẩm CNNT tiêu biểu được công nhận", Cell(products["recognised"], ReportColumnKind.Count)],
            ], size: 10);
        paper.Paragraph("Kết quả theo năm", bold: true, size: 11);
        var byYear = figures.ProposalsByYear;
        var rows = byYear.Rows.Where(r => r.Figures["approved"] is long approved && approved > 0)
            .OrderBy(r => r.Group["year"] as int? ?? 0).Select(r => (IReadOnlyList<string>)
        [
            r.Group["year"]?.ToString() ?? "", Cell(r.Figures["approved"], ReportColumnKind.Count), Cell(r.Figures["stateSupport"], ReportColumnKind.Money),
            Cell(r.Figures["ownCapital"], ReportColumnKind.Money), LeverageOf(r.Figures["leverage"]),
        ]).ToList();
        rows.Add([ReportExport.TotalLabel, Cell(proposals["approved"], ReportColumnKind.Count), Cell(proposals["stateSupport"], ReportColumnKind.Money),
            Cell(proposals["ownCapital"], ReportColumnKind.Money), LeverageOf(proposals["leverage"])]);
        paper.Table(
            [new("Năm", 1.8, PaperAlign.Center), new("Số đề án", 1.4, PaperAlign.Right), new("Kinh phí khuyến công (đồng)", 3, PaperAlign.Right),
                new("Vốn đối ứng (đồng)", 3, PaperAlign.Right), new("1 đồng hỗ trợ thu hút", 2, PaperAlign.Right)],
            rows, size: 9, boldRows: new HashSet<int> { rows.Count - 1 });
        paper.Paragraph($"In ngày {PaperFormat.Date(printedOn)}", italic: true, align: PaperAlign.Right, size: 10);
        return paper.ToPdf();
    }

    private static string LeverageOf(object? leverage) => leverage is decimal ratio ? $"{PaperFormat.Decimal(ratio)} đồng" : "";

    private static string Scope(ReportFilter filter)
    {
        var years = (filter.FromYear, filter.ToYear) switch
        {
            (int from, int to) when from == to => $"Năm {from}",
            (int from, int to) => $"Từ năm {from} đến năm {to}",
            (int from, null) => $"Từ năm {from}",
            (null, int to) => $"Đến năm {to}",
            _ => "Toàn bộ các năm",
        };
        return filter.District is { } district ? $"{years}; địa bàn {district}" : years;
    }

    private static string Cell(object? value, ReportColumnKind kind) => value switch
    {
        null => "",
        long number when kind == ReportColumnKind.Money => PaperFormat.Money(number),
        long number => PaperFormat.Number(number),
        int number => kind == ReportColumnKind.Text ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : PaperFormat.Number(number),
        decimal ratio => PaperFormat.Decimal(ratio),
        double ratio => PaperFormat.Decimal((decimal)ratio),
        _ => value.ToString() ?? "",
    };
}
