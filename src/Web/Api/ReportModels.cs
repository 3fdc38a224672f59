using System.Globalization;
using System.Text.Json;

namespace KhuyenCong.Web.Api;

// The shapes of the Reporting service's queries (/api/reports/...), and which filters and groupings each report takes.

/// <summary>A figure column of a report: Count, Money, Ratio, Percent or Text.</summary>
public sealed record ReportColumn(string Name, string Header, string Kind, bool Additive)
{
    /// <summary>A figure as the UI writes it: grouped numbers, đồng, ratios with two decimals.</summary>
    public string Show(JsonElement? value) => value is not { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } v
        ? "—"
        : Kind switch
        {
            "Count" when v.ValueKind == JsonValueKind.Number => Ui.Format.Number(v.GetInt64()),
            "Money" when v.ValueKind == JsonValueKind.Number => Ui.Format.Vnd(v.GetInt64()),
            "Ratio" when v.ValueKind == JsonValueKind.Number => Ui.Format.Decimal(v.GetDecimal()),
            "Percent" when v.ValueKind == JsonValueKind.Number => Ui.Format.Decimal(v.GetDecimal(), 1) + " %",
            _ => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText(),
        };
}

public sealed record ReportRow(IReadOnlyDictionary<string, JsonElement> Group, IReadOnlyDictionary<string, JsonElement> Figures);

public sealed record ReportTable(
    string Report, string Title, IReadOnlyList<string> GroupBy, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, ReportRow Total);

public sealed record PeriodFigures(
    string Period, int FromYear, int ToYear, long ApprovedProposals, long TotalBudget, long StateSupport, long OwnCapital, long OtherSources,
    decimal? Leverage, string LeverageText, long AcceptedProposals, long JobsCreated, long? AverageWage, long EstablishmentsSupported,
    long Courses, long TraineesEnrolled, long TraineesCertified, long FairsHeld, long Booths, long FairContracts, long FairContractValue,
    long FairSales, long ProductsRecognised);

public sealed record PeriodReport(string Title, IReadOnlyList<PeriodFigures> Periods);

/// <summary>A file a service answered with (a spreadsheet or CSV export).</summary>
public sealed record DownloadedFile(byte[] Content, string ContentType, string FileName);

/// <summary>A dimension a report groups (and perhaps filters) by.</summary>
public sealed record ReportDimension(string Name, string Header, bool Filters);

/// <summary>One of the reporting queries, with the dimensions the Reporting service accepts for it.</summary>
public sealed record ReportKind(string Name, string Title, IReadOnlyList<ReportDimension> Dimensions, bool ExportsCsv = true)
{
    private static readonly ReportDimension Year = new("year", "Năm", false);
    private static readonly ReportDimension Period = new("period", "Giai đoạn", false);
    private static readonly ReportDimension FundingSource = new("fundingSource", "Nguồn kinh phí", true);
    private static readonly ReportDimension ContentGroup = new("contentGroup", "Nhóm nội dung", true);
    private static readonly ReportDimension District = new("district", "Địa bàn", true);
    private static readonly ReportDimension Sector = new("sector", "Ngành nghề", true);
    private static readonly ReportDimension[] ProposalDimensions = [Year, Period, FundingSource, ContentGroup, District, Sector];

    /// <summary>The figures of one period (no table of its own).</summary>
    public const string Summary = "summary";

    /// <summary>The programme periods side by side.</summary>
    public const string Periods = "periods";

    public static readonly IReadOnlyList<ReportKind> All =
    [
        new("proposals", "Tình hình thực hiện đề án khuyến công", [.. ProposalDimensions, new("status", "Trạng thái", false)]),
        new("outcomes", "Kết quả sau hỗ trợ của các đề án đã nghiệm thu", ProposalDimensions),
        new("follow-ups", "Đánh giá sau hỗ trợ", ProposalDimensions),
        new("training", "Đào tạo nghề, truyền nghề và nâng cao năng lực", ProposalDimensions),
        new("fairs", "Hội chợ, triển lãm hàng công nghiệp nông thôn", [Year, Period, District]),
        new("products", "Sản phẩm công nghiệp nông thôn tiêu biểu",
            [Year, Period, District, Sector, new("level", "Cấp công nhận", false), new("group", "Nhóm sản phẩm", false)]),
        new(Periods, "So sánh kết quả các giai đoạn", [], ExportsCsv: false),
        new(Summary, "Số liệu tổng hợp theo giai đoạn", []),
    ];

    /// <summary>The reports whose answer is a table the service can also give as a file.</summary>
    public bool IsTable => Name is not (Summary or Periods);

    public bool Exports => Name != Summary;

    public static ReportKind? Named(string? name) => All.FirstOrDefault(r => r.Name == name);

    public bool Has(string dimension) => Dimensions.Any(d => d.Name == dimension);

    /// <summary>The query string of this report for the given filter and grouping (only what the report accepts).</summary>
    public string QueryOf(ReportQuery query, string? format = null) => Api.Query.Of(
        ("fromYear", query.FromYear?.ToString(CultureInfo.InvariantCulture)),
        ("toYear", query.ToYear?.ToString(CultureInfo.InvariantCulture)),
        ("fundingSource", Has("fundingSource") ? query.FundingSource?.ToString() : null),
        ("contentGroup", Has("contentGroup") ? query.ContentGroup?.ToString(CultureInfo.InvariantCulture) : null),
        ("district", Has("district") ? query.District : null),
        ("sector", Has("sector") ? query.Sector?.ToString() : null),
        ("groupBy", string.Join(",", query.GroupBy.Where(Has))),
        ("format", format));
}

/// <summary>What a person asks a report for: the years, the filters, the grouping.</summary>
public sealed class ReportQuery
{
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
    public FundingSource? FundingSource { get; set; }
    public int? ContentGroup { get; set; }
    public string? District { get; set; }
    public Sector? Sector { get; set; }
    public List<string> GroupBy { get; set; } = [];
}
