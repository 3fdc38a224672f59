namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// A kind of support within a content group that has its own cap (a demonstration model, a machine, a
/// fair...). A proposal may name one; a norm without an activity covers the whole content group.
/// </summary>
public enum SupportActivity
{
    DemonstrationModel = 1,
    AdvancedMachinery = 2,
    ProductionLine = 3,
    RegionalProductCompetition = 4,
    NationalProductCompetition = 5,
    BrandBuilding = 6,
    ProgrammeFair = 7,
    OtherDomesticFair = 8,
    OverseasFair = 9,
    Consulting = 10,
    RegionalAssociation = 11,
    NationalAssociation = 12,
    BusinessCluster = 13,
    ClusterInfrastructure = 14,
    PollutionTreatment = 15,
    RelocationInterest = 16,
}

public static class SupportActivities
{
    /// <summary>The content group an activity belongs to.</summary>
    public static int ContentGroupOf(this SupportActivity activity) => activity switch
    {
        SupportActivity.DemonstrationModel or SupportActivity.AdvancedMachinery or SupportActivity.ProductionLine => 3,
        SupportActivity.RegionalProductCompetition or SupportActivity.NationalProductCompetition or SupportActivity.BrandBuilding
            or SupportActivity.ProgrammeFair or SupportActivity.OtherDomesticFair or SupportActivity.OverseasFair => 4,
        SupportActivity.Consulting => 5,
        _ => 7,
    };
}

/// <summary>
/// One version of a support cap (định mức): for a funding source, content group and optionally an
/// activity, from an effective date on, the state support may cover at most <see cref="ShareOfCost"/>
/// of the proposal's total budget and at most <see cref="Cap"/> VND; in a priority area the cap is
/// multiplied by <see cref="PriorityMultiplier"/>. A null share or cap means the rules set none.
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
    public decimal PriorityMultiplier { get; private set; }
    public string LegalBasis { get; private set; } = "";

    public static SupportNorm Create(
        Guid id, FundingSource source, int contentGroup, SupportActivity? activity, DateOnly effectiveFrom,
        decimal? shareOfCost, long? cap, decimal priorityMultiplier, string legalBasis)
    {
        if (contentGroup is < 1 or > 9)
        {
            throw new ProposalRuleException("invalid-content-group", RuleKind.Unprocessable, "Content groups are 1 to 9 (Decree 45, Art. 4).");
        }
        if (activity is { } a && a.ContentGroupOf() != contentGroup)
        {
            throw new ProposalRuleException("activity-outside-group", RuleKind.Unprocessable, $"{a} belongs to content group {a.ContentGroupOf()}, not {contentGroup}.");
        }
        if (shareOfCost is <= 0 or > 1)
        {
            throw new ProposalRuleException("invalid-norm", RuleKind.Unprocessable, "A share of cost is above 0 and at most 1 (100 %).");
        }
        if (cap is <= 0)
        {
            throw new ProposalRuleException("invalid-norm", RuleKind.Unprocessable, "A cap is a positive amount of VND.");
        }
        if (priorityMultiplier is < 1 or > 2)
        {
            throw new ProposalRuleException("invalid-norm", RuleKind.Unprocessable, "The priority-area multiplier is between 1 and 2.");
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
            PriorityMultiplier = priorityMultiplier,
            LegalBasis = legalBasis,
        };
    }

    /// <summary>The most state support this norm allows for a budget total, in or out of a priority area.</summary>
    public long LimitFor(long totalBudget, bool priorityArea)
    {
        var limit = long.MaxValue;
        if (ShareOfCost is { } share)
        {
            limit = (long)Math.Floor(totalBudget * share);
        }
        if (Cap is { } cap)
        {
            limit = Math.Min(limit, priorityArea ? (long)Math.Floor(cap * PriorityMultiplier) : cap);
        }
        return limit;
    }

    public string Describe(bool priorityArea)
    {
        var parts = new List<string>();
        if (ShareOfCost is { } share)
        {
            parts.Add($"{share:P0} of the total budget");
        }
        if (Cap is { } cap)
        {
            parts.Add(priorityArea
                ? $"{cap:N0} VND × {PriorityMultiplier} in a priority area"
                : $"{cap:N0} VND");
        }
        var scope = Activity is null ? $"content group {ContentGroup}" : $"{Activity} (content group {ContentGroup})";
        return $"{LegalBasis}, in force from {EffectiveFrom:yyyy-MM-dd}, for {FundingSource} {scope}: at most {string.Join(" and at most ", parts)}";
    }

    /// <summary>
    /// The norm in force on <paramref name="on"/> for a proposal: the latest version effective on that day,
    /// preferring one written for the proposal's activity over the content group's general one.
    /// </summary>
    public static SupportNorm? InForce(IEnumerable<SupportNorm> norms, FundingSource source, int contentGroup, SupportActivity? activity, DateOnly on)
    {
        var candidates = norms
            .Where(n => n.FundingSource == source && n.ContentGroup == contentGroup && n.EffectiveFrom <= on)
            .ToList();
        return candidates.Where(n => activity is not null && n.Activity == activity).MaxBy(n => n.EffectiveFrom)
            ?? candidates.Where(n => n.Activity is null).MaxBy(n => n.EffectiveFrom);
    }
}
