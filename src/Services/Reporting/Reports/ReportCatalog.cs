using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Domain;

namespace KhuyenCong.Reporting.Reports;

/// <summary>The reports Reporting answers, each groupable by any of its dimensions.</summary>
internal static class ReportCatalog
{
    /// <summary>The programme periods reports compare; a year outside them has no period.</summary>
    public static readonly IReadOnlyList<ProgrammePeriod> Periods =
    [
        new("2014–2020", 2014, 2020),
        new("2021–2025", 2021, 2025),
        new("2026–2030", 2026, 2030),
    ];

    public const string AcceptedCondition = "f.accepted_on IS NOT NULL AND f.cancelled_at IS NULL";

    public static readonly ReportDefinition Proposals = new()
    {
        Name = "proposals",
        Title = "Tình hình thực hiện đề án khuyến công",
        From = used => ProposalCubes.Source(ProposalCubes.For(used.Select(CubeColumn))),
        GroupShownWhen = "SUM(proposals) <> 0",
        Dimensions = ProposalDimensions("plan_year", "funding_source", "content_group", "district", "sector")
            .Append(new Dimension("status", "Trạng thái", "status", Text)).ToList(),
        Measures = [.. ProposalCubes.Measures.Select(m => new Measure(m, $"SUM({m})"))],
        Columns =
        [
            new("proposals", "Số đề án", ReportColumnKind.Count, true),
            new("approved", "Số đề án được phê duyệt", ReportColumnKind.Count, true),
            new("accepted", "Số đề án đã nghiệm thu", ReportColumnKind.Count, true),
            new("totalBudget", "Tổng kinh phí (đồng)", ReportColumnKind.Money, true),
            new("stateSupport", "Kinh phí khuyến công được phê duyệt (đồng)", ReportColumnKind.Money, true),
            new("ownCapital", "Vốn đối ứng của cơ sở (đồng)", ReportColumnKind.Money, true),
            new("otherSources", "Nguồn vốn khác (đồng)", ReportColumnKind.Money, true),
            new("leverage", "Hệ số thu hút vốn (vốn đối ứng / kinh phí khuyến công)", ReportColumnKind.Ratio, false),
            new("leverageText", "Tỷ lệ thu hút vốn", ReportColumnKind.Text, false),
            new("supportUsed", "Kinh phí khuyến công thực tế sử dụng (đồng)", ReportColumnKind.Money, true),
            new("advancesOutstanding", "Tạm ứng chưa quyết toán (đồng)", ReportColumnKind.Money, true),
        ],
        Figures = m =>
        {
            var leverage = Leverage.Of(m["own_capital"], m["state_support"]);
            return new Dictionary<string, object?>
            {
                ["proposals"] = m["proposals"],
                ["approved"] = m["approved"],
                ["accepted"] = m["accepted"],
                ["totalBudget"] = m["total_budget"],
                ["stateSupport"] = m["state_support"],
                ["ownCapital"] = m["own_capital"],
                ["otherSources"] = m["other_sources"],
                ["leverage"] = leverage,
                ["leverageText"] = Leverage.Describe(leverage),
                ["supportUsed"] = m["support_used"],
                ["advancesOutstanding"] = m["advances_outstanding"],
            };
        },
    };

    /// <summary>
    /// Outcomes of accepted proposals. A proposal's figures are taken on the first of its
    /// establishments only (the join repeats it once per establishment), so sums stay sums.
    /// </summary>
    public static readonly ReportDefinition Outcomes = new()
    {
        Name = "outcomes",
        Title = "Kết quả sau hỗ trợ của các đề án đã nghiệm thu",
        From = _ => "proposal_facts f LEFT JOIN LATERAL unnest(f.establishment_tax_codes) WITH ORDINALITY AS e(tax_code, ord) ON true",
        Where = AcceptedCondition,
        Dimensions = ProposalDimensions("f.plan_year", "f.funding_source", "f.content_group", "f.district", "f.sector"),
        Measures =
        [
            new("accepted", "COUNT(*) FILTER (WHERE COALESCE(e.ord, 1) = 1)"),
            new("jobs", "SUM(f.jobs_created) FILTER (WHERE COALESCE(e.ord, 1) = 1)"),
            new("wage_bill", "SUM(f.jobs_created::bigint * f.average_wage) FILTER (WHERE COALESCE(e.ord, 1) = 1)"),
            new("establishments", "COUNT(DISTINCT e.tax_code)"),
        ],
        Columns =
        [
            new("acceptedProposals", "Số đề án đã nghiệm thu", ReportColumnKind.Count, true),
            new("jobsCreated", "Số lao động có việc làm", ReportColumnKind.Count, true),
            new("averageWage", "Thu nhập bình quân (đồng/người/tháng)", ReportColumnKind.Money, false),
            new("establishmentsSupported", "Số cơ sở được hỗ trợ", ReportColumnKind.Count, false),
        ],
        Figures = m => new Dictionary<string, object?>
        {
            ["acceptedProposals"] = m["accepted"],
            ["jobsCreated"] = m["jobs"],
            ["averageWage"] = m["jobs"] == 0 ? null : (long)Math.Round((decimal)m["wage_bill"] / m["jobs"], MidpointRounding.AwayFromZero),
            ["establishmentsSupported"] = m["establishments"],
        },
    };

    public static readonly ReportDefinition FollowUps = new()
    {
        Name = "follow-ups",
        Title = "Đánh giá sau hỗ trợ",
        From = _ => """
            proposal_facts f LEFT JOIN LATERAL (
                SELECT COUNT(*) AS scheduled,
                       COUNT(*) FILTER (WHERE u.due_on <= @today) AS due,
                       COUNT(*) FILTER (WHERE u.evaluated_on IS NOT NULL) AS done,
                       COUNT(*) FILTER (WHERE u.evaluated_on IS NULL AND (u.due_on < @today OR u.reported_overdue)) AS overdue
                FROM follow_up_facts u WHERE u.proposal_id = f.proposal_id) u ON true
            """,
        Where = AcceptedCondition,
        Dimensions = ProposalDimensions("f.plan_year", "f.funding_source", "f.content_group", "f.district", "f.sector"),
        Measures =
        [
            new("accepted", "COUNT(*)"),
            new("scheduled", "SUM(u.scheduled)"),
            new("due", "SUM(u.due)"),
            new("done", "SUM(u.done)"),
            new("overdue", "SUM(u.overdue)"),
            new("evaluated", "COUNT(*) FILTER (WHERE u.done > 0)"),
        ],
        Columns =
        [
            new("acceptedProposals", "Số đề án đã nghiệm thu", ReportColumnKind.Count, true),
            new("scheduled", "Số lần đánh giá theo kế hoạch", ReportColumnKind.Count, true),
            new("due", "Số lần đánh giá đã đến hạn", ReportColumnKind.Count, true),
            new("done", "Số lần đánh giá đã thực hiện", ReportColumnKind.Count, true),
            new("overdue", "Số lần đánh giá quá hạn", ReportColumnKind.Count, true),
            new("evaluatedProposals", "Số đề án đã được đánh giá", ReportColumnKind.Count, true),
            new("coveragePercent", "Tỷ lệ đề án được đánh giá (%)", ReportColumnKind.Percent, false),
        ],
        Figures = m => new Dictionary<string, object?>
        {
            ["acceptedProposals"] = m["accepted"],
            ["scheduled"] = m["scheduled"],
            ["due"] = m["due"],
            ["done"] = m["done"],
            ["overdue"] = m["overdue"],
            ["evaluatedProposals"] = m["evaluated"],
            ["coveragePercent"] = m["accepted"] == 0 ? null : Math.Round(100m * m["evaluated"] / m["accepted"], 1, MidpointRounding.AwayFromZero),
        },
    };

    /// <summary>Courses; funding source and sector come from the proposal that funds a course (none: unknown).</summary>
    public static readonly ReportDefinition Training = new()
    {
        Name = "training",
        Title = "Đào tạo nghề, truyền nghề và nâng cao năng lực",
        From = _ => "course_facts c LEFT JOIN proposal_facts p ON p.proposal_id = c.funding_proposal_id",
        Dimensions =
        [
            Year("c.plan_year"),
            Period("c.plan_year"),
            new("fundingSource", "Nguồn kinh phí", "NULLIF(p.funding_source, '')", Text, f => f.FundingSource?.ToString()),
            new("contentGroup", "Nhóm nội dung", "c.content_group", EnumLabel<ContentGroup>, f => (int?)f.ContentGroup),
            new("district", "Địa bàn", "c.district", Text, f => f.District),
            new("sector", "Ngành nghề", "NULLIF(p.sector, 0)", EnumLabel<Sector>, f => (int?)f.Sector),
        ],
        Measures =
        [
            new("courses", $"COUNT(*) FILTER (WHERE c.stage <> {(int)CourseStage.Cancelled})"),
            new("completed_courses", $"COUNT(*) FILTER (WHERE c.stage = {(int)CourseStage.Completed})"),
            .. new[] { "enrolled", "completed", "certified" }.SelectMany(figure => new Measure[]
            {
                new($"{figure}_total", $"SUM(c.{figure}_total)"),
                new($"{figure}_female", $"SUM(c.{figure}_female)"),
                new($"{figure}_ethnic_minority", $"SUM(c.{figure}_ethnic_minority)"),
            }),
            new("employed_after", "SUM(c.employed_after)"),
        ],
        Columns =
        [
            new("courses", "Số lớp", ReportColumnKind.Count, true),
            new("coursesCompleted", "Số lớp đã kết thúc", ReportColumnKind.Count, true),
            new("enrolled", "Số học viên", ReportColumnKind.Count, true),
            new("enrolledFemale", "Số học viên nữ", ReportColumnKind.Count, true),
            new("enrolledEthnicMinority", "Số học viên dân tộc thiểu số", ReportColumnKind.Count, true),
            new("completed", "Số học viên hoàn thành", ReportColumnKind.Count, true),
            new("completedFemale", "Số học viên nữ hoàn thành", ReportColumnKind.Count, true),
            new("completedEthnicMinority", "Số học viên dân tộc thiểu số hoàn thành", ReportColumnKind.Count, true),
            new("certified", "Số học viên được cấp chứng chỉ", ReportColumnKind.Count, true),
            new("certifiedFemale", "Số học viên nữ được cấp chứng chỉ", ReportColumnKind.Count, true),
            new("certifiedEthnicMinority", "Số học viên dân tộc thiểu số được cấp chứng chỉ", ReportColumnKind.Count, true),
            new("employedAfter", "Số học viên có việc làm sau đào tạo", ReportColumnKind.Count, true),
        ],
        Figures = m => new Dictionary<string, object?>
        {
            ["courses"] = m["courses"],
            ["coursesCompleted"] = m["completed_courses"],
            ["enrolled"] = m["enrolled_total"],
            ["enrolledFemale"] = m["enrolled_female"],
            ["enrolledEthnicMinority"] = m["enrolled_ethnic_minority"],
            ["completed"] = m["completed_total"],
            ["completedFemale"] = m["completed_female"],
            ["completedEthnicMinority"] = m["completed_ethnic_minority"],
            ["certified"] = m["certified_total"],
            ["certifiedFemale"] = m["certified_female"],
            ["certifiedEthnicMinority"] = m["certified_ethnic_minority"],
            ["employedAfter"] = m["employed_after"],
        },
    };

    /// <summary>
    /// Trade fairs held (an outcome recorded, not cancelled), over their participants (registrations
    /// with booths allocated). The year is the fair's start year; the district is the participant's,
    /// so grouped by district a fair counts once in every district it had a participant from (the
    /// fairs and the distinct establishments of the rows may then add up to more than the total).
    /// </summary>
    public static readonly ReportDefinition Fairs = new()
    {
        Name = "fairs",
        Title = "Hội chợ, triển lãm hàng công nghiệp nông thôn",
        From = _ => "fair_facts r JOIN fair_participant_facts p ON p.fair_id = r.fair_id AND p.booths_allocated > 0",
        Where = "r.held",
        Dimensions =
        [
            Year("r.start_year"),
            Period("r.start_year"),
            new("district", "Địa bàn", "p.district", Text, f => f.District),
        ],
        Measures =
        [
            new("held", "COUNT(DISTINCT r.fair_id)"),
            new("booths", "SUM(p.booths_allocated)"),
            new("establishments", "COUNT(DISTINCT p.establishment_tax_code)"),
            new("contracts", "SUM(p.contracts_signed)"),
            new("contract_value", "SUM(p.contract_value)"),
            new("sales", "SUM(p.sales)"),
            new("visitors", "SUM(p.visitors)"),
            new("support", "SUM(p.support)"),
        ],
        Columns =
        [
            new("fairsHeld", "Số hội chợ đã tổ chức", ReportColumnKind.Count, false),
            new("booths", "Số gian hàng", ReportColumnKind.Count, true),
            new("establishmentsSupported", "Số cơ sở được hỗ trợ", ReportColumnKind.Count, false),
            new("contracts", "Số hợp đồng ký kết", ReportColumnKind.Count, true),
            new("contractValue", "Giá trị hợp đồng ký kết (đồng)", ReportColumnKind.Money, true),
            new("salesValue", "Doanh số bán hàng tại hội chợ (đồng)", ReportColumnKind.Money, true),
            new("visitors", "Số lượt khách tham quan", ReportColumnKind.Count, true),
            new("totalSupport", "Kinh phí khuyến công hỗ trợ (đồng)", ReportColumnKind.Money, true),
        ],
        Figures = m => new Dictionary<string, object?>
        {
            ["fairsHeld"] = m["held"],
            ["booths"] = m["booths"],
            ["establishmentsSupported"] = m["establishments"],
            ["contracts"] = m["contracts"],
            ["contractValue"] = m["contract_value"],
            ["salesValue"] = m["sales"],
            ["visitors"] = m["visitors"],
            ["totalSupport"] = m["support"],
        },
    };

    /// <summary>Recognised typical products by competition year; the sector is the establishment's, from the registry copy.</summary>
    public static readonly ReportDefinition Products = new()
    {
        Name = "products",
        Title = "Sản phẩm công nghiệp nông thôn tiêu biểu",
        From = _ => "certificate_facts k LEFT JOIN known_establishments e ON e.tax_code = k.establishment_tax_code",
        Where = "k.competition_year > 0",
        Dimensions =
        [
            Year("k.competition_year"),
            Period("k.competition_year"),
            new("district", "Địa bàn", "k.district", Text, f => f.District),
            new("sector", "Ngành nghề", "e.sector", Text, f => f.Sector?.ToString()),
            new("level", "Cấp công nhận", "k.level", EnumLabel<RecognitionLevel>),
            new("group", "Nhóm sản phẩm", "k.product_group", EnumLabel<ProductGroup>),
        ],
        Measures =
        [
            new("recognised", "COUNT(*)"),
            new("valid", "COUNT(*) FILTER (WHERE k.revoked_on IS NULL AND k.expired_on IS NULL AND k.expires_on >= @today)"),
            new("expiring", "COUNT(*) FILTER (WHERE k.revoked_on IS NULL AND k.expired_on IS NULL AND k.expires_on >= @today AND k.expires_on <= @soon)"),
            new("revoked", "COUNT(*) FILTER (WHERE k.revoked_on IS NOT NULL)"),
        ],
        Columns =
        [
            new("recognised", "Số sản phẩm được công nhận", ReportColumnKind.Count, true),
            new("validCertificates", "Số giấy chứng nhận còn hiệu lực", ReportColumnKind.Count, true),
            new("expiringWithin90Days", "Số giấy chứng nhận hết hạn trong 90 ngày", ReportColumnKind.Count, true),
            new("revoked", "Số giấy chứng nhận bị thu hồi", ReportColumnKind.Count, true),
        ],
        Figures = m => new Dictionary<string, object?>
        {
            ["recognised"] = m["recognised"],
            ["validCertificates"] = m["valid"],
            ["expiringWithin90Days"] = m["expiring"],
            ["revoked"] = m["revoked"],
        },
    };

    public static readonly IReadOnlyList<ReportDefinition> All = [Proposals, Outcomes, FollowUps, Training, Fairs, Products];

    private static List<Dimension> ProposalDimensions(string year, string fundingSource, string contentGroup, string district, string sector) =>
    [
        Year(year),
        Period(year),
        new("fundingSource", "Nguồn kinh phí", fundingSource, Text, f => f.FundingSource?.ToString()),
        new("contentGroup", "Nhóm nội dung", contentGroup, EnumLabel<ContentGroup>, f => (int?)f.ContentGroup),
        new("district", "Địa bàn", district, Text, f => f.District),
        new("sector", "Ngành nghề", sector, EnumLabel<Sector>, f => (int?)f.Sector),
    ];

    private static Dimension Year(string sql) =>
        new("year", "Năm", sql, value => value is int year && year > 0 ? year : null);

    private static Dimension Period(string yearSql) =>
        new("period", "Giai đoạn",
            "CASE " + string.Join(" ", Periods.Select(p => $"WHEN {yearSql} BETWEEN {p.FromYear} AND {p.ToYear} THEN '{p.Name}'")) + " END",
            Text);

    /// <summary>The cube column behind a proposals dimension.</summary>
    private static string CubeColumn(string dimension) => dimension switch
    {
        "year" or "period" => "plan_year",
        "fundingSource" => "funding_source",
        "contentGroup" => "content_group",
        _ => dimension,
    };

    private static object? Text(object? value) => value is string text && text.Length > 0 ? text : null;

    private static object? EnumLabel<TEnum>(object? value) where TEnum : struct, Enum =>
        value is int number && number != 0 ? Enum.ToObject(typeof(TEnum), number).ToString() : null;
}

/// <summary>A programme period of the khuyến công programme (e.g. 2021–2025).</summary>
public sealed record ProgrammePeriod(string Name, int FromYear, int ToYear);
