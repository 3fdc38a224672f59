using KhuyenCong.Contracts;

namespace KhuyenCong.Proposals.Domain;

/// <summary>What a norm's cap is counted per: the proposal names how many of them it covers.</summary>
public enum NormUnit
{
    /// <summary>The whole proposal: a cap per proposal does not scale.</summary>
    Proposal = 1,
    Enterprise = 2,
    Facility = 3,
    Model = 4,
    CompetitionRound = 5,
    Product = 6,
    Brand = 7,
    Association = 8,
    BusinessCluster = 9,
    IndustrialCluster = 10,
    Fair = 11,
    Course = 12,
}

/// <summary>How Vietnamese refusals name activities and units, and which units count per beneficiary.</summary>
public static class NormTerms
{

    /// <summary>Whether the number names an activity (a request may carry any number).</summary>
    public static bool IsDefined(this SupportActivity activity) => Enum.IsDefined(activity);


    /// <summary>The activity as Vietnamese refusals name it.</summary>
    public static string Vietnamese(this SupportActivity activity) => activity switch
    {
        SupportActivity.DemonstrationModel => "mô hình trình diễn kỹ thuật",
        SupportActivity.AdvancedMachinery => "ứng dụng máy móc thiết bị, chuyển giao công nghệ tiên tiến",
        SupportActivity.ProductionLine => "dây chuyền sản xuất",
        SupportActivity.RegionalProductCompetition => "bình chọn sản phẩm CNNT tiêu biểu cấp khu vực",
        SupportActivity.NationalProductCompetition => "bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia",
        SupportActivity.BrandBuilding => "xây dựng, đăng ký thương hiệu",
        SupportActivity.ProgrammeFair => "hội chợ triển lãm của chương trình",
        SupportActivity.OtherDomesticFair => "hội chợ triển lãm khác trong nước",
        SupportActivity.OverseasFair => "hội chợ triển lãm ở nước ngoài",
        SupportActivity.Consulting => "thuê tư vấn",
        SupportActivity.RegionalAssociation => "thành lập hội, hiệp hội cấp vùng",
        SupportActivity.NationalAssociation => "thành lập hội, hiệp hội cấp quốc gia",
        SupportActivity.BusinessCluster => "hình thành cụm liên kết doanh nghiệp",
        SupportActivity.ClusterInfrastructure => "hạ tầng cụm công nghiệp",
        SupportActivity.PollutionTreatment => "xử lý ô nhiễm môi trường tại cơ sở",
        SupportActivity.RelocationInterest => "lãi suất vốn vay di dời cơ sở gây ô nhiễm",
        SupportActivity.EnterpriseStartUp => "thành lập doanh nghiệp",
        SupportActivity.OverseasStudyTourAirfare => "vé máy bay khảo sát học tập ở nước ngoài",
        SupportActivity.CapacityTraining => "đào tạo, tập huấn, hội thảo",
        SupportActivity.OperatingFacilityModel => "mô hình của cơ sở đang hoạt động hiệu quả",
        SupportActivity.CleanerProductionPilot => "mô hình thí điểm sản xuất sạch hơn",
        SupportActivity.RegionalProductPrize => "thưởng sản phẩm tiêu biểu cấp khu vực",
        SupportActivity.NationalProductPrize => "thưởng sản phẩm tiêu biểu cấp quốc gia",
        SupportActivity.TradePromotion => "phòng trưng bày, xúc tiến thương mại khác",
        SupportActivity.IndustrialClusterPollutionTreatment => "xử lý ô nhiễm môi trường tại cụm công nghiệp",
        SupportActivity.ClusterDetailedPlanning => "lập quy hoạch chi tiết cụm công nghiệp",
        SupportActivity.ClusterInvestmentForum => "hội nghị, diễn đàn thu hút đầu tư cụm công nghiệp",
        _ => activity.ToString(),
    };

    /// <summary>What a cap is counted per, as Vietnamese refusals say it ("200.000.000 đồng/cơ sở").</summary>
    public static string Vietnamese(this NormUnit unit) => unit switch
    {
        NormUnit.Proposal => "đề án",
        NormUnit.Enterprise => "doanh nghiệp",
        NormUnit.Facility => "cơ sở",
        NormUnit.Model => "mô hình",
        NormUnit.CompetitionRound => "lần bình chọn",
        NormUnit.Product => "sản phẩm",
        NormUnit.Brand => "thương hiệu",
        NormUnit.Association => "hội, hiệp hội",
        NormUnit.BusinessCluster => "cụm liên kết",
        NormUnit.IndustrialCluster => "cụm công nghiệp",
        NormUnit.Fair => "hội chợ",
        NormUnit.Course => "khóa học",
        _ => unit.ToString(),
    };

    /// <summary>Units counted per beneficiary: a proposal cannot cover more of them than the establishments it names.</summary>
    public static bool IsPerBeneficiary(this NormUnit unit) => unit is NormUnit.Facility or NormUnit.Enterprise;
}

/// <summary>
/// One version of a support level (định mức): for a funding source, content group and (where the group
/// has them) activity, from an effective date on, the state support may cover at most
/// <see cref="ShareOfCost"/> of the proposal's total budget and at most <see cref="Cap"/> VND per
/// <see cref="Unit"/>; in a priority area the cap is multiplied by <see cref="PriorityMultiplier"/>.
/// A norm always sets a share, a cap or both: one that limits nothing is refused.
/// </summary>
public sealed class SupportNorm
{
    private SupportNorm() { }

    public Guid Id { get; private set; }
    public FundingSource FundingSource { get; private set; }
    public int ContentGroup { get; private set; }
    public SupportActivity? Activity { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public decimal? ShareOfCost { get; private set; }
    public long? Cap { get; private set; }
    public NormUnit Unit { get; private set; }
    public decimal PriorityMultiplier { get; private set; }
    public string LegalBasis { get; private set; } = "";

    public static SupportNorm Create(
        Guid id, FundingSource source, int contentGroup, SupportActivity? activity, DateOnly effectiveFrom,
        decimal? shareOfCost, long? cap, NormUnit unit, decimal priorityMultiplier, string legalBasis)
    {
        if (!Enum.IsDefined(source))
        {
            throw Invalid("A norm is for the National or the Local programme.", "Định mức thuộc khuyến công quốc gia hoặc khuyến công địa phương.");
        }
        if (contentGroup is < 1 or > 9)
        {
            throw new ProposalRuleException("invalid-content-group", RuleKind.Unprocessable, "Content groups are 1 to 9 (Decree 45, Art. 4).")
            {
                Vietnamese = "Nội dung hoạt động khuyến công là từ 1 đến 9.", LegalBasis = "Nghị định 45/2012/NĐ-CP, Điều 4",
            };
        }
        if (activity is { } a)
        {
            if (!a.IsDefined())
            {
                throw Invalid($"{(int)a} is not a support activity.", $"{(int)a} không phải là một hoạt động hỗ trợ.");
            }
            if (a.ContentGroupOf() != contentGroup)
            {
                throw new ProposalRuleException("activity-outside-group", RuleKind.Unprocessable, $"{a} belongs to content group {a.ContentGroupOf()}, not {contentGroup}.")
                {
                    Vietnamese = $"Hoạt động {a.Vietnamese()} thuộc nội dung {a.ContentGroupOf()}, không thuộc nội dung {contentGroup}.", LegalBasis = Basis.Article6,
                };
            }
        }
        else if (SupportActivities.RequiresActivity(contentGroup))
        {
            throw new ProposalRuleException("activity-required", RuleKind.Unprocessable,
                $"Content group {contentGroup} has different levels by activity: a norm names its activity.")
            {
                Vietnamese = $"Nội dung {contentGroup} có mức hỗ trợ khác nhau theo từng hoạt động: định mức phải nêu hoạt động.", LegalBasis = Basis.Article6Clause2,
            };
        }
        if (shareOfCost is null && cap is null)
        {
            throw Invalid("A norm sets a share of cost, a cap, or both: one that limits nothing would let any support through.",
                "Định mức phải quy định tỷ lệ hỗ trợ, mức tối đa hoặc cả hai.");
        }
        if (shareOfCost is <= 0 or > 1)
        {
            throw Invalid("A share of cost is above 0 and at most 1 (100 %).", "Tỷ lệ hỗ trợ lớn hơn 0 và không quá 100 %.");
        }
        if (cap is <= 0)
        {
            throw Invalid("A cap is a positive amount of VND.", "Mức hỗ trợ tối đa là số tiền dương.");
        }
        if (!Enum.IsDefined(unit))
        {
            throw Invalid($"{(int)unit} is not a unit a cap is counted per.", $"{(int)unit} không phải là đơn vị tính định mức.");
        }
        if (priorityMultiplier is < 1 or > 1.5m)
        {
            throw new ProposalRuleException("invalid-norm", RuleKind.Unprocessable, "The priority-area multiplier is between 1 and 1.5.")
            {
                Vietnamese = "Hệ số ưu tiên từ 1 đến 1,5 lần.", LegalBasis = Basis.Priority,
            };
        }
        return new SupportNorm
        {
            Id = id,
            FundingSource = source,
            ContentGroup = contentGroup,
            Activity = activity,
            EffectiveFrom = effectiveFrom,
            ShareOfCost = shareOfCost,
            Cap = cap,
            Unit = unit,
            PriorityMultiplier = priorityMultiplier,
            LegalBasis = legalBasis,
        };
    }

    private static ProposalRuleException Invalid(string english, string vietnamese) =>
        new("invalid-norm", RuleKind.Unprocessable, english) { Vietnamese = vietnamese, LegalBasis = Basis.Article6 };

    /// <summary>Units a cap counts: a cap per proposal does not multiply.</summary>
    public int CountedUnits(int units) => Unit == NormUnit.Proposal ? 1 : units;

    /// <summary>
    /// The most state support this norm allows: the share of the total budget, and the cap times the units
    /// covered times the priority multiplier, whichever is lower. Always finite, since a norm limits something.
    /// </summary>
    public long LimitFor(long totalBudget, int units, bool priorityArea)
    {
        var limit = decimal.MaxValue;
        if (ShareOfCost is { } share)
        {
            limit = Math.Floor(totalBudget * share);
        }
        if (Cap is { } cap)
        {
            limit = Math.Min(limit, Math.Floor(cap * (decimal)CountedUnits(units) * (priorityArea ? PriorityMultiplier : 1m)));
        }
        return (long)Math.Min(limit, long.MaxValue);
    }

    public string Describe(int units, bool priorityArea)
    {
        var parts = new List<string>();
        if (ShareOfCost is { } share)
        {
            parts.Add($"{share:P0} of the total budget");
        }
        if (Cap is { } cap)
        {
            parts.Add($"{cap:N0} VND per {Unit} × {CountedUnits(units)}" + (priorityArea ? $" × {PriorityMultiplier} in a priority area" : ""));
        }
        var scope = Activity is null ? $"content group {ContentGroup}" : $"{Activity} (content group {ContentGroup})";
        return $"{LegalBasis}, in force from {EffectiveFrom:yyyy-MM-dd}, for {FundingSource} {scope}: at most {string.Join(" and at most ", parts)}";
    }

    public string DescribeVietnamese(int units, bool priorityArea)
    {
        var parts = new List<string>();
        if (ShareOfCost is { } share)
        {
            parts.Add($"{share * 100:0.##} % tổng kinh phí");
        }
        if (Cap is { } cap)
        {
            parts.Add($"{cap:N0} đồng/{Unit.Vietnamese()} × {CountedUnits(units)}" + (priorityArea ? $" × {PriorityMultiplier} (địa bàn ưu tiên)" : ""));
        }
        var source = FundingSource == FundingSource.National ? "khuyến công quốc gia" : "khuyến công địa phương";
        var scope = Activity is { } activity ? $"hoạt động {activity.Vietnamese()} (nội dung {ContentGroup})" : $"nội dung {ContentGroup}";
        return $"{LegalBasis}, hiệu lực từ {EffectiveFrom:dd/MM/yyyy}, {source} {scope}: tối đa {string.Join(" và không quá ", parts)}";
    }

    /// <summary>
    /// The norm in force on <paramref name="on"/> for a proposal: the latest version effective on that day
    /// for exactly its source, group and activity (a group with activities has no catch-all row).
    /// </summary>
    public static SupportNorm? InForce(IEnumerable<SupportNorm> norms, FundingSource source, int contentGroup, SupportActivity? activity, DateOnly on) =>
        norms.Where(n => n.FundingSource == source && n.ContentGroup == contentGroup && n.Activity == activity && n.EffectiveFrom <= on)
            .MaxBy(n => n.EffectiveFrom);
}

/// <summary>The legal texts the norms and refusals cite.</summary>
public static class Basis
{
    public const string Joint2014 = "Thông tư liên tịch 26/2014/TTLT-BTC-BCT";
    public const string Article6 = Joint2014 + ", Điều 6";
    public const string Article6Clause1 = Joint2014 + ", Điều 6 khoản 1";
    public const string Article6Clause2 = Joint2014 + ", Điều 6 khoản 2";
    public const string Priority = Joint2014 + ", Điều 6 khoản 2 điểm t";
    public const string ManagementCost = Joint2014 + ", Điều 6 khoản 2 điểm s";
    public const string Advance = Joint2014 + ", Điều 8 khoản 2 điểm b";
    public const string Circular2018 = "Thông tư 28/2018/TT-BTC";
    public const string Decree45Appraisal = "Thông tư 46/2012/TT-BCT; Thông tư 36/2013/TT-BCT";
}
