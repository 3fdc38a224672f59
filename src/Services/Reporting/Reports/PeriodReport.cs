using KhuyenCong.Reporting.Data;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace KhuyenCong.Reporting.Reports;

/// <summary>The headline figures of one programme period.</summary>
public sealed record PeriodFigures(
    string Period,
    int FromYear,
    int ToYear,
    long ApprovedProposals,
    long TotalBudget,
    long StateSupport,
    long OwnCapital,
    long OtherSources,
    decimal? Leverage,
    string LeverageText,
    long AcceptedProposals,
    long JobsCreated,
    long? AverageWage,
    long EstablishmentsSupported,
    long Courses,
    long TraineesEnrolled,
    long TraineesCertified,
    long FairsHeld,
    long Booths,
    long FairContracts,
    long FairContractValue,
    long FairSales,
    long ProductsRecognised);

/// <summary>The programme periods side by side, of the whole province or of one district (<see cref="District"/>).</summary>
public sealed record PeriodReport(string Title, IReadOnlyList<PeriodFigures> Periods, string? District = null);

internal static class PeriodReports
{
    public const string Title = "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG QUA CÁC GIAI ĐOẠN";

    private sealed record Indicator(string Label, string Unit, Func<PeriodFigures, object?> Value);

    private static readonly Indicator[] Indicators =
    [
        new("Số đề án được phê duyệt", "Đề án", p => p.ApprovedProposals),
        new("Tổng kinh phí thực hiện", "Đồng", p => p.TotalBudget),
        new("Kinh phí khuyến công hỗ trợ", "Đồng", p => p.StateSupport),
        new("Vốn đối ứng của cơ sở", "Đồng", p => p.OwnCapital),
        new("Nguồn vốn khác", "Đồng", p => p.OtherSources),
        new("Tỷ lệ thu hút vốn (kinh phí khuyến công : vốn đối ứng)", "", p => p.LeverageText),
        new("Số đề án đã nghiệm thu", "Đề án", p => p.AcceptedProposals),
        new("Số lao động có việc làm", "Người", p => p.JobsCreated),
        new("Thu nhập bình quân", "Đồng/người/tháng", p => p.AverageWage),
        new("Số cơ sở được hỗ trợ", "Cơ sở", p => p.EstablishmentsSupported),
        new("Số lớp đào tạo", "Lớp", p => p.Courses),
        new("Số học viên", "Người", p => p.TraineesEnrolled),
        new("Số học viên được cấp chứng chỉ", "Người", p => p.TraineesCertified),
        new("Số hội chợ, triển lãm đã tổ chức", "Hội chợ", p => p.FairsHeld),
        new("Số gian hàng", "Gian hàng", p => p.Booths),
        new("Số hợp đồng ký kết tại hội chợ", "Hợp đồng", p => p.FairContracts),
        new("Giá trị hợp đồng ký kết tại hội chợ", "Đồng", p => p.FairContractValue),
        new("Doanh số bán hàng tại hội chợ", "Đồng", p => p.FairSales),
        new("Số sản phẩm công nghiệp nông thôn tiêu biểu", "Sản phẩm", p => p.ProductsRecognised),
    ];

    public static async Task<PeriodReport> RunAsync(ReportingDbContext db, string? district, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        var filter = new ReportFilter(District: district);
        string[] byPeriod = ["period"];
        var proposals = await ReportCatalog.Proposals.RunAsync(db, filter, byPeriod, parameters, cancellationToken);
        var outcomes = await ReportCatalog.Outcomes.RunAsync(db, filter, byPeriod, parameters, cancellationToken);
        var training = await ReportCatalog.Training.RunAsync(db, filter, byPeriod, parameters, cancellationToken);
        var fairs = await ReportCatalog.Fairs.RunAsync(db, filter, byPeriod, parameters, cancellationToken);
        var products = await ReportCatalog.Products.RunAsync(db, filter, byPeriod, parameters, cancellationToken);

        return new PeriodReport(Title, [.. ReportCatalog.Periods.Select(period =>
        {
            long Figure(ReportTable table, string name) => Convert.ToInt64(Row(table, period.Name)?.Figures[name] ?? 0L);
            var p = Row(proposals, period.Name)?.Figures;
            var o = Row(outcomes, period.Name)?.Figures;
            return new PeriodFigures(
                period.Name, period.FromYear, period.ToYear,
                Figure(proposals, "approved"), Figure(proposals, "totalBudget"), Figure(proposals, "stateSupport"),
                Figure(proposals, "ownCapital"), Figure(proposals, "otherSources"),
                (decimal?)p?["leverage"], (string?)p?["leverageText"] ?? Domain.Leverage.Describe(null),
                Figure(outcomes, "acceptedProposals"), Figure(outcomes, "jobsCreated"), (long?)o?["averageWage"],
                Figure(outcomes, "establishmentsSupported"),
                Figure(training, "courses"), Figure(training, "enrolled"), Figure(training, "certified"),
                Figure(fairs, "fairsHeld"), Figure(fairs, "booths"),
                Figure(fairs, "contracts"), Figure(fairs, "contractValue"), Figure(fairs, "salesValue"),
                Figure(products, "recognised"));
        })], district);
    }

    private static ReportRow? Row(ReportTable table, string period) =>
        table.Rows.FirstOrDefault(r => Equals(r.Group["period"], period));

    /// <summary>The report as a ministry-style sheet: title, then one row per indicator with the periods as columns.</summary>
    public static byte[] Xlsx(PeriodReport report)
    {
        var periodKeys = report.Periods.Select((_, i) => $"P{i}").ToList();
        var rows = new List<Dictionary<string, object?>>
        {
            Line(report.Title, null, null, []),
            Line($"Các giai đoạn {string.Join(", ", report.Periods.Select(p => p.Period))}{(report.District is null ? "" : $" — địa bàn {report.District}")}", null, null, []),
            Line("STT", "Chỉ tiêu", "Đơn vị tính", [.. report.Periods.Select(p => (object?)$"Giai đoạn {p.Period}")]),
        };
        rows.AddRange(Indicators.Select((indicator, i) =>
            Line(i + 1, indicator.Label, indicator.Unit, [.. report.Periods.Select(indicator.Value)])));

        Dictionary<string, object?> Line(object? number, object? label, object? unit, object?[] values)
        {
            var line = new Dictionary<string, object?> { ["No"] = number, ["Indicator"] = label, ["Unit"] = unit };
            for (var i = 0; i < periodKeys.Count; i++)
            {
                line[periodKeys[i]] = i < values.Length ? values[i] : null;
            }
            return line;
        }

        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = false,
            FreezeRowCount = 3,
            DynamicColumns =
            [
                new DynamicExcelColumn("No") { Index = 0, Width = 8 },
                new DynamicExcelColumn("Indicator") { Index = 1, Width = 60 },
                new DynamicExcelColumn("Unit") { Index = 2, Width = 20 },
                .. periodKeys.Select((key, i) => new DynamicExcelColumn(key) { Index = 3 + i, Width = 24, Format = "#,##0" }),
            ],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => (IDictionary<string, object?>)r), printHeader: false, sheetName: "Báo cáo giai đoạn", configuration: configuration);
        return stream.ToArray();
    }
}
