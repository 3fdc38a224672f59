using KhuyenCong.Contracts;
namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// One version of the ceiling on the implementing unit's management cost (chi quản lý, chỉ đạo, kiểm tra,
/// giám sát): at most <see cref="MaxShare"/> of the proposal's estimate, from <see cref="EffectiveFrom"/> on.
/// </summary>
public sealed class ManagementCostNorm
{
    private ManagementCostNorm() { }

    public Guid Id { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public decimal MaxShare { get; private set; }
    public string LegalBasis { get; private set; } = "";

    public static ManagementCostNorm Create(Guid id, DateOnly effectiveFrom, decimal maxShare, string legalBasis)
    {
        if (maxShare is < 0 or > 1)
        {
            throw new ProposalRuleException("invalid-norm", RuleKind.Unprocessable, "The management-cost share is between 0 and 1 (100 %).")
            {
                Vietnamese = "Tỷ lệ chi quản lý từ 0 đến 100 %.", LegalBasis = Basis.ManagementCost,
            };
        }
        return new ManagementCostNorm { Id = id, EffectiveFrom = effectiveFrom, MaxShare = maxShare, LegalBasis = legalBasis };
    }

    /// <summary>The most management cost allowed on a budget total.</summary>
    public long LimitFor(long totalBudget) => (long)Math.Floor(totalBudget * MaxShare);

    public static ManagementCostNorm? InForce(IEnumerable<ManagementCostNorm> norms, DateOnly on) =>
        norms.Where(n => n.EffectiveFrom <= on).MaxBy(n => n.EffectiveFrom);
}

/// <summary>
/// One version of the advance rate (tỷ lệ tạm ứng): advances in all may reach <see cref="Share"/> of the
/// approved support, for an activity or, with none, for every activity without a rate of its own. With
/// <see cref="MinProgressPercent"/>, an advance beyond the first needs a progress report of at least
/// that much work done.
/// </summary>
public sealed class AdvanceRate
{
    private AdvanceRate() { }

    public Guid Id { get; private set; }
    public SupportActivity? Activity { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public decimal Share { get; private set; }
    public int? MinProgressPercent { get; private set; }
    public string LegalBasis { get; private set; } = "";

    public static AdvanceRate Create(Guid id, SupportActivity? activity, DateOnly effectiveFrom, decimal share, int? minProgressPercent, string legalBasis)
    {
        if (activity is { } a && !a.IsDefined())
        {
            throw Invalid($"{(int)a} is not a support activity.", $"{(int)a} không phải là một hoạt động hỗ trợ.");
        }
        if (share is <= 0 or > 1)
        {
            throw Invalid("An advance rate is above 0 and at most 1 (100 %).", "Tỷ lệ tạm ứng lớn hơn 0 và không quá 100 %.");
        }
        if (minProgressPercent is < 1 or > 100)
        {
            throw Invalid("The progress needed before a further advance is 1 to 100 percent.", "Khối lượng hoàn thành cần có trước lần tạm ứng tiếp theo là từ 1 đến 100 %.");
        }
        return new AdvanceRate
        {
            Id = id, Activity = activity, EffectiveFrom = effectiveFrom, Share = share, MinProgressPercent = minProgressPercent, LegalBasis = legalBasis,
        };
    }

    private static ProposalRuleException Invalid(string english, string vietnamese) =>
        new("invalid-advance-rate", RuleKind.Unprocessable, english) { Vietnamese = vietnamese, LegalBasis = Basis.Advance };

    /// <summary>The rate in force on a day for an activity: its own latest version, else the default's.</summary>
    public static AdvanceRate? InForce(IEnumerable<AdvanceRate> rates, SupportActivity? activity, DateOnly on)
    {
        var effective = rates.Where(r => r.EffectiveFrom <= on).ToList();
        return effective.Where(r => activity is not null && r.Activity == activity).MaxBy(r => r.EffectiveFrom)
            ?? effective.Where(r => r.Activity is null).MaxBy(r => r.EffectiveFrom);
    }
}

/// <summary>
/// Whether an administrative unit is a priority area (địa bàn ưu tiên: highland, island, border,
/// ethnic-minority, disadvantaged) from a plan year on, with the decision that says so. The latest entry
/// at or before a year decides that year; with none, the unit is not a priority area.
/// </summary>
public sealed class PriorityAreaStatus
{
    private PriorityAreaStatus() { }

    public Guid Id { get; private set; }
    public string UnitCode { get; private set; } = "";
    public int FromYear { get; private set; }
    public bool IsPriorityArea { get; private set; }
    public string LegalBasis { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";

    public static PriorityAreaStatus Create(Guid id, string unitCode, int fromYear, bool isPriorityArea, string legalBasis, string recordedBy) =>
        new() { Id = id, UnitCode = unitCode, FromYear = fromYear, IsPriorityArea = isPriorityArea, LegalBasis = legalBasis, RecordedBy = recordedBy };

    public static bool IsPriorityAreaIn(IEnumerable<PriorityAreaStatus> statuses, string unitCode, int year) =>
        statuses.Where(s => s.UnitCode == unitCode && s.FromYear <= year).MaxBy(s => s.FromYear)?.IsPriorityArea ?? false;
}

/// <summary>An officer's override of the priority-area status derived from the reference data, with why.</summary>
public sealed record PriorityOverride(bool IsPriorityArea, string Reason, string By, DateTimeOffset At);

/// <summary>
/// A line of the detailed estimate (dự toán chi tiết): an item and what each source pays for it. One line
/// may be the implementing unit's management cost, which the management-cost norm limits.
/// </summary>
public sealed record EstimateLine(int Position, string Item, long StateSupport, long OwnCapital, long OtherSources, bool IsManagementCost)
{
    public long Total => checked(StateSupport + OwnCapital + OtherSources);
}
