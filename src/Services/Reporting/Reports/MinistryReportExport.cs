using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace KhuyenCong.Reporting.Reports;

/// <summary>
/// The report to the Ministry as a spreadsheet of two sheets, laid out as an administrative document
/// (Decree 30/2020 order: national header, issuer, number, place and date, addressees, title, body, signature):
/// "Báo cáo" holds the plan-versus-actual tables by funding source, content group and district; "Mẫu số 2"
/// the summary table of the year's national proposals. Column A numbers the lines, column B names them, the
/// figures follow in whole đồng. The layout follows the content Circular 36/2013 requires; it is not a copy
/// of a scanned form.
/// </summary>
internal static class MinistryReportExport
{
    public const string ReportSheet = "Báo cáo";
    public const string NationalSheet = "Mẫu số 2";

    /// <summary>The figure columns of the plan-versus-actual tables, from column C on.</summary>
    public static readonly IReadOnlyList<(string Header, Func<PlanFigures, long?> Value)> FigureColumns =
    [
        ("Dự toán được giao", f => f.Allocated),
        ("Kế hoạch (được phê duyệt)", f => f.Planned),
        ("Đã cam kết (phê duyệt)", f => f.Committed),
        ("Còn lại", f => f.Remaining),
        ("Đã tạm ứng", f => f.Advanced),
        ("Đã chi", f => f.Paid),
        ("Đã quyết toán", f => f.Settled),
        ("Đã hoàn trả", f => f.Refunded),
        ("Số đề án", f => f.Proposals),
        ("Số đề án vượt kế hoạch", f => f.OverPlan),
        ("Kinh phí vượt kế hoạch", f => f.OverPlanSupport),
    ];

    private static readonly string[] NationalHeaders =
    [
        "STT", "Tên đề án", "Đơn vị thực hiện", "Địa điểm (huyện)", "Nội dung", "Tổng kinh phí",
        "Kinh phí khuyến công quốc gia đề nghị", "Kinh phí khuyến công quốc gia được duyệt", "Thời gian thực hiện", "Tình trạng",
    ];

    private const int Width = 13;

    public static byte[] Xlsx(MinistryReport report)
    {
        var sheets = new Dictionary<string, object>
        {
            [ReportSheet] = ReportRows(report).Select(Row).ToList(),
            [NationalSheet] = NationalRows(report).Select(Row).ToList(),
        };
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = false,
            DynamicColumns = [.. Enumerable.Range(0, Width).Select(i => new DynamicExcelColumn(Column(i))
            {
                Index = i,
                Width = i switch { 0 => 6, 1 => 48, _ => 20 },
                Format = "#,##0",
            })],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false, configuration: configuration);
        return stream.ToArray();
    }

    private static IEnumerable<object?[]> ReportRows(MinistryReport report)
    {
        foreach (var line in Header(report))
        {
            yield return line;
        }
        var tables = new (string Title, IReadOnlyList<MinistryReportLine> Lines, bool WithTotal)[]
        {
            ("I. KẾT QUẢ THỰC HIỆN THEO NGUỒN KINH PHÍ", report.BySource, true),
            ("II. KẾT QUẢ THỰC HIỆN THEO NỘI DUNG HOẠT ĐỘNG", report.ByContentGroup, true),
            ("III. KẾT QUẢ THỰC HIỆN THEO ĐỊA BÀN (HUYỆN)", report.ByDistrict, true),
        };
        foreach (var (title, lines, withTotal) in tables)
        {
            yield return [null, title];
            yield return ["STT", "Nội dung", .. FigureColumns.Select(c => c.Header)];
            var no = 1;
            foreach (var line in lines)
            {
                yield return [no++, line.Label, .. Figures(line.Figures)];
            }
            if (withTotal)
            {
                // The content groups and districts share out the commitments only: allocations are by funding source.
                var total = lines == report.BySource ? report.Total.Figures : report.Total.Figures with { Allocated = null, Remaining = null };
                yield return [null, MinistryReports.TotalLabel, .. Figures(total)];
            }
            yield return [];
        }
        yield return [null, "Ghi chú:"];
        foreach (var note in report.Notes)
        {
            yield return [null, $"- {note}"];
        }
        foreach (var line in Signature(report))
        {
            yield return line;
        }
    }

    private static IEnumerable<object?[]> NationalRows(MinistryReport report)
    {
        foreach (var line in Header(report, "BIỂU TỔNG HỢP CÁC ĐỀ ÁN KHUYẾN CÔNG QUỐC GIA", $"Kế hoạch năm {report.Year}"))
        {
            yield return line;
        }
        yield return [.. NationalHeaders];
        foreach (var p in report.NationalProposals)
        {
            yield return
            [
                p.No, $"{p.Code} - {p.Title}", p.ImplementingUnit, p.District, p.Content,
                p.TotalBudget, p.RequestedSupport, p.ApprovedSupport, p.Schedule, p.Status,
            ];
        }
        yield return
        [
            null, MinistryReports.TotalLabel, null, null, null,
            report.NationalProposals.Sum(p => p.TotalBudget), report.NationalProposals.Sum(p => p.RequestedSupport),
            report.NationalProposals.Sum(p => p.ApprovedSupport ?? 0), null, null,
        ];
        yield return [];
        yield return [null, "Ghi chú: biểu tổng hợp theo nội dung Mẫu số 2 Phụ lục 1 Thông tư số 36/2013/TT-BCT; đơn vị tính: đồng."];
        yield return [null, "Kinh phí khuyến công quốc gia được duyệt: theo quyết định của Bộ Công Thương đã ghi nhận; đề án chưa có quyết định của Bộ theo quyết định phê duyệt đề án."];
        foreach (var line in Signature(report))
        {
            yield return line;
        }
    }

    private static IEnumerable<object?[]> Header(MinistryReport report) =>
        Header(report, report.Header.Title, report.Header.Subtitle);

    /// <summary>The issuer on the left, the national header on the right; then number, place and date, title and addressees.</summary>
    private static IEnumerable<object?[]> Header(MinistryReport report, string title, string subtitle)
    {
        var h = report.Header;
        const string Missing = "..........................";
        yield return [null, h.ParentBody ?? Missing, null, null, null, h.NationalTitle];
        yield return [null, h.IssuingBody ?? Missing, null, null, null, h.NationalMotto];
        yield return [null, h.Number, null, null, null, h.PlaceAndDate];
        yield return [];
        yield return [null, title];
        yield return [null, subtitle];
        yield return [];
        yield return [null, $"Kính gửi: {string.Join("; ", h.Recipients)}"];
        yield return [];
    }

    private static IEnumerable<object?[]> Signature(MinistryReport report)
    {
        yield return [];
        yield return [null, "Nơi nhận:", null, null, null, report.Signature.Title];
        yield return [null, "- Như trên;", null, null, null, "(Ký, ghi rõ họ tên, đóng dấu)"];
        yield return [null, "- Lưu: VT."];
        yield return [];
        yield return [];
        yield return [null, null, null, null, null, report.Signature.Name ?? ".........................."];
    }

    private static IEnumerable<object?> Figures(PlanFigures figures) => FigureColumns.Select(c => (object?)c.Value(figures));

    /// <summary>Column letters A, B, C… name the cells of a row.</summary>
    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static IDictionary<string, object?> Row(object?[] cells) =>
        Enumerable.Range(0, Width).ToDictionary(Column, i => i < cells.Length ? cells[i] : null);
}
