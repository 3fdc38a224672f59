using System.Globalization;
using KhuyenCong.Contracts;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Reports;

/// <summary>The periods of the Department's reports on the plan's execution (Circular 36/2013, Article 21.5).</summary>
public enum MinistryPeriod
{
    Q1,
    Q2,
    Q3,
    Q4,
    H1,
    Year,
}

/// <summary>
/// Who issues and signs the report, from the province's settings (Reporting:Ministry). Nothing is made up:
/// a setting left empty is a blank line on the paper, to be filled in by hand.
/// </summary>
public sealed class MinistryReportSettings
{
    /// <summary>The body above the issuer in the header, e.g. "UBND TỈNH QUẢNG NINH".</summary>
    public string? ParentBody { get; set; }
    /// <summary>The issuing body, e.g. "SỞ CÔNG THƯƠNG".</summary>
    public string? IssuingBody { get; set; }
    /// <summary>The symbol after the number, e.g. "BC-SCT": the clerk writes the number when the report is issued.</summary>
    public string? DocumentSymbol { get; set; }
    /// <summary>The place before the date, e.g. "Quảng Ninh".</summary>
    public string? Place { get; set; }
    /// <summary>The province's People's Committee, the report's second addressee, e.g. "Ủy ban nhân dân tỉnh Quảng Ninh".</summary>
    public string? ProvinceCommittee { get; set; }
    public string? SignerName { get; set; }
    public string SignerTitle { get; set; } = "GIÁM ĐỐC";
}

public sealed record MinistryReportHeader(
    string NationalTitle, string NationalMotto, string? ParentBody, string? IssuingBody, string Number, string PlaceAndDate,
    IReadOnlyList<string> Recipients, string Title, string Subtitle);

public sealed record MinistrySignature(string Title, string? Name);

/// <summary>One line of the plan-versus-actual table: a funding source, content group or district, with its figures (planned among them).</summary>
public sealed record MinistryReportLine(string Key, string Label, PlanFigures Figures);

/// <summary>One national proposal of the summary table (Circular 36/2013, Article 6, Form No. 2).</summary>
public sealed record NationalProposalLine(
    int No, string Code, string Title, string ImplementingUnit, string District, int ContentGroup, string Content,
    long TotalBudget, long RequestedSupport, long? ApprovedSupport, string Schedule, string Status);

/// <summary>
/// The Department's periodic report on the khuyến công plan's execution: plan versus actual by funding source,
/// content group and district, cumulative from 1 January of the plan year to the period's end, with the summary
/// table of the year's national proposals. The layout follows the content the Circular requires, not a scanned form.
/// </summary>
public sealed record MinistryReport(
    int Year, MinistryPeriod Period, FundingSource? FundingSource, DateOnly From, DateOnly To,
    MinistryReportHeader Header,
    IReadOnlyList<MinistryReportLine> BySource, IReadOnlyList<MinistryReportLine> ByContentGroup, IReadOnlyList<MinistryReportLine> ByDistrict,
    MinistryReportLine Total, IReadOnlyList<NationalProposalLine> NationalProposals, IReadOnlyList<string> Notes, MinistrySignature Signature);

internal static class MinistryReports
{
    public const string Recipient = "Cục Công nghiệp địa phương - Bộ Công Thương";
    public const string TotalLabel = "Tổng cộng";

    public static DateOnly EndOf(int year, MinistryPeriod period) => period switch
    {
        MinistryPeriod.Q1 => new DateOnly(year, 3, 31),
        MinistryPeriod.Q2 or MinistryPeriod.H1 => new DateOnly(year, 6, 30),
        MinistryPeriod.Q3 => new DateOnly(year, 9, 30),
        _ => new DateOnly(year, 12, 31),
    };

    public static string PeriodName(int year, MinistryPeriod period) => period switch
    {
        MinistryPeriod.Q1 => $"quý I năm {year}",
        MinistryPeriod.Q2 => $"quý II năm {year}",
        MinistryPeriod.Q3 => $"quý III năm {year}",
        MinistryPeriod.Q4 => $"quý IV năm {year}",
        MinistryPeriod.H1 => $"6 tháng đầu năm {year}",
        _ => $"năm {year}",
    };

    public static async Task<MinistryReport> RunAsync(
        ReportingDbContext db, int year, MinistryPeriod period, FundingSource? source, MinistryReportSettings settings, DateOnly today,
        CancellationToken cancellationToken)
    {
        var to = EndOf(year, period);
        var plan = await PlanVersusActual.ReadAsync(db, year, source?.ToString(), to, cancellationToken);
        var sources = source is { } only ? [only] : Enum.GetValues<FundingSource>();
        var bySource = sources
            .Select(s => new MinistryReportLine(s.ToString(), CodeNames.VietnameseOf(s), plan.Total(s.ToString())))
            .ToList();
        var byGroup = plan.By(c => c.ContentGroup)
            .Select(g => new MinistryReportLine(((ContentGroup)g.Key).ToString(), CodeNames.VietnameseOf((ContentGroup)g.Key), g.Figures))
            .ToList();
        var byDistrict = plan.By(c => c.District)
            .Select(g => new MinistryReportLine(g.Key, g.Key == "" ? VietnameseLabels.Unknown : g.Key, g.Figures))
            .ToList();
        var national = source is null or FundingSource.National ? await NationalProposalsAsync(db, year, cancellationToken) : [];
        var periodName = PeriodName(year, period);
        var header = new MinistryReportHeader(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            Blank(settings.ParentBody), Blank(settings.IssuingBody),
            $"Số:        /{Blank(settings.DocumentSymbol) ?? "BC"}",
            $"{Blank(settings.Place) ?? "..........."}, ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}",
            [Recipient, .. Blank(settings.ProvinceCommittee) is { } committee ? new[] { committee } : []],
            "BÁO CÁO",
            $"Tình hình thực hiện kế hoạch khuyến công {periodName}"
                + (source is { } s2 ? $" (nguồn {CodeNames.VietnameseOf(s2).ToLower(CultureInfo.GetCultureInfo("vi-VN"))})" : ""));
        string[] notes =
        [
            $"Số liệu lũy kế từ ngày 01/01/{year} đến ngày {to:dd/MM/yyyy}, của các đề án thuộc kế hoạch năm {year}; đơn vị tính: đồng.",
            "Dự toán được giao: quyết định giao dự toán, bổ sung, cắt giảm có ngày quyết định đến hết kỳ báo cáo; chỉ có theo nguồn kinh phí.",
            "Kế hoạch: kinh phí khuyến công của các đề án trong kế hoạch năm đang áp dụng (bản kế hoạch hoặc điều chỉnh được phê duyệt sau cùng có ngày quyết định đến hết kỳ báo cáo).",
            "Đã cam kết: kinh phí được phê duyệt; đề án đã quyết toán tính theo số quyết toán; đề án đã hủy tính số đã chi chưa hoàn trả.",
            "Đã chi: tạm ứng và thanh toán phần còn lại; Vượt kế hoạch: đề án được phê duyệt theo quyết định phê duyệt vượt kế hoạch (số đề án và kinh phí được phê duyệt).",
        ];
        return new MinistryReport(year, period, source, new DateOnly(year, 1, 1), to, header,
            bySource, byGroup, byDistrict, new MinistryReportLine("total", TotalLabel, plan.Total(source?.ToString())),
            national, notes, new MinistrySignature(settings.SignerTitle, Blank(settings.SignerName)));
    }

    /// <summary>
    /// Every national proposal filed for the year (drafts aside), with the support approved for it: the amount of the
    /// Ministry's decision once recorded (none when the Ministry did not select it), else the province's approval.
    /// </summary>
    private static async Task<List<NationalProposalLine>> NationalProposalsAsync(ReportingDbContext db, int year, CancellationToken cancellationToken)
    {
        var national = nameof(FundingSource.National);
        var facts = await db.ProposalFacts.AsNoTracking()
            .Where(f => f.PlanYear == year && f.FundingSource == national && f.Stage != 0)
            .OrderBy(f => f.Code)
            .ToListAsync(cancellationToken);
        var ministry = await db.NationalProposals.AsNoTracking()
            .Where(n => n.PlanYear == year && n.Outcome != null)
            .ToDictionaryAsync(n => n.ProposalId, cancellationToken);
        long? Approved(ProposalFact f) => ministry.TryGetValue(f.ProposalId, out var decided)
            ? decided.ApprovedSupport
            : f.IsApproved ? f.ApprovedSupport : null;
        return
        [
            .. facts.Select((f, i) => new NationalProposalLine(
                i + 1, f.Code, f.Title, f.ImplementingUnit, f.District, f.ContentGroup, CodeNames.VietnameseOf((ContentGroup)f.ContentGroup),
                f.TotalBudget, f.RequestedSupport, Approved(f),
                f.PilotStartYear is { } start && f.PilotEndYear is { } end && end > start ? $"{start}–{end}" : year.ToString(CultureInfo.InvariantCulture),
                CodeNames.Of("ProposalStatus", f.Status)?.Vietnamese ?? f.Status)),
        ];
    }

    private static string? Blank(string? setting) => string.IsNullOrWhiteSpace(setting) ? null : setting.Trim();
}
