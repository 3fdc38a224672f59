using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// One proposal in a version of the plan: its place in the Centre's ranking and the amount the plan gives it in the year
/// (for a multi-year pilot proposal, that year's share; its years are <see cref="PilotStartYear"/>–<see cref="PilotEndYear"/>),
/// with the priority and opinion of its unit's consolidation as sent (both null when it did not go through one: "chưa qua
/// tổng hợp của địa phương").
/// </summary>
public sealed record PlanItem(
    int Rank, Guid ProposalId, string Code, string Title, int ContentGroup, string District, decimal? AppraisalScore, long Amount, bool Approved,
    int? PilotStartYear = null, int? PilotEndYear = null, int? UnitPriority = null, UnitOpinion? UnitOpinion = null);

/// <summary>
/// A version of the plan: the first is the plan itself, each later one a revision (điều chỉnh kế hoạch). It is compiled
/// as a draft and then approved by a decision (number, date); an approved version is never changed again.
/// </summary>
public sealed class PlanVersion
{
    private PlanVersion()
    {
    }

    public int Number { get; private set; }
    public IReadOnlyList<PlanItem> Items { get; private set; } = [];
    public string? Reason { get; private set; }
    public DateTimeOffset CompiledAt { get; private set; }
    public string CompiledBy { get; private set; } = "";
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }

    public bool IsApproved => DecisionNumber is not null;
    public long Total => Items.Sum(i => i.Amount);

    internal static PlanVersion Draft(int number, IReadOnlyList<PlanItem> items, string? reason, DateTimeOffset now, string actedBy) =>
        new() { Number = number, Items = items, Reason = reason, CompiledAt = now, CompiledBy = actedBy };

    internal void Recompile(IReadOnlyList<PlanItem> items, string? reason, DateTimeOffset now, string actedBy)
    {
        Items = items;
        Reason = reason;
        CompiledAt = now;
        CompiledBy = actedBy;
    }

    internal void Approve(string decisionNumber, DateOnly decisionDate, DateTimeOffset now, string actedBy)
    {
        DecisionNumber = decisionNumber;
        DecisionDate = decisionDate;
        ApprovedAt = now;
        ApprovedBy = actedBy;
    }
}

/// <summary>A proposal as the plan sees it when it is compiled: what ranks it and what it asks or was given in the plan's year.</summary>
public sealed record PlanCandidate(
    Guid ProposalId, string Code, string Title, int ContentGroup, string District, ProposalStatus Status, decimal? AppraisalScore,
    AppraisalRecommendation? Recommendation, long RequestedSupport, long? ApprovedSupport, PilotPeriod? Pilot = null, int? UnitPriority = null,
    UnitOpinion? UnitOpinion = null);

/// <summary>
/// The annual khuyến công plan (kế hoạch khuyến công năm) of one plan year and funding source, compiled from the
/// proposals of the year's calls with the Centre's ranking (the appraisal results) and approved by a decision; its
/// revisions are kept as versions, and the current plan is the last approved version.
/// </summary>
public sealed class AnnualPlan
{
    private readonly List<PlanVersion> _versions = [];

    private AnnualPlan()
    {
    }

    public Guid Id { get; private set; }
    public int PlanYear { get; private set; }
    public FundingSource FundingSource { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<PlanVersion> Versions => _versions;
    public uint Version { get; private set; }

    /// <summary>The plan in force: the last approved version; null before the first approval.</summary>
    public PlanVersion? Current => _versions.Where(v => v.IsApproved).MaxBy(v => v.Number);

    public PlanVersion? Draft => _versions.SingleOrDefault(v => !v.IsApproved);

    public static AnnualPlan Open(int planYear, FundingSource fundingSource, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), PlanYear = planYear, FundingSource = fundingSource, CreatedAt = now };

    /// <summary>
    /// Compiles a draft version from the candidates: the proposals recommended by their appraisal or approved, ranked
    /// by appraisal score (best first, then by their unit's priority, then by code), each for its approved support, else the support it asks. A draft
    /// not yet approved is compiled afresh; after an approval a new draft is a revision, which states its reason.
    /// </summary>
    public PlanVersion Compile(IEnumerable<PlanCandidate> candidates, string? reason, DateTimeOffset now, string actedBy)
    {
        var isRevision = _versions.Any(v => v.IsApproved);
        if (isRevision && string.IsNullOrWhiteSpace(reason))
        {
            throw new ProposalRuleException("plan-revision-needs-reason", RuleKind.Unprocessable,
                $"The {PlanYear} plan is already approved: a revision states its reason.")
            {
                Vietnamese = $"Kế hoạch năm {PlanYear} đã được phê duyệt: điều chỉnh kế hoạch phải nêu lý do.",
            };
        }
        var items = Rank(candidates);
        if (Draft is { } draft)
        {
            draft.Recompile(items, reason, now, actedBy);
            return draft;
        }
        var version = PlanVersion.Draft(_versions.Count + 1, items, reason, now, actedBy);
        _versions.Add(version);
        return version;
    }

    /// <summary>
    /// Approves version <paramref name="number"/> by a decision. Approving it again by the same decision changes nothing
    /// (a repeated request); by another decision, or approving a version that is not the draft, is refused.
    /// </summary>
    public bool Approve(int number, string decisionNumber, DateOnly decisionDate, DateTimeOffset now, string actedBy)
    {
        var version = _versions.SingleOrDefault(v => v.Number == number)
            ?? throw new ProposalRuleException("plan-version-not-found", RuleKind.NotFound, $"The {PlanYear} plan has no version {number}.")
            {
                Vietnamese = $"Kế hoạch năm {PlanYear} không có phiên bản {number}.",
            };
        if (version.IsApproved)
        {
            if (string.Equals(version.DecisionNumber, decisionNumber, StringComparison.OrdinalIgnoreCase) && version.DecisionDate == decisionDate)
            {
                return false;
            }
            throw new ProposalRuleException("plan-version-approved", RuleKind.Conflict,
                $"Version {number} of the {PlanYear} plan is already approved by decision {version.DecisionNumber} of {version.DecisionDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Phiên bản {number} của kế hoạch năm {PlanYear} đã được phê duyệt theo quyết định số {version.DecisionNumber} ngày {version.DecisionDate:dd/MM/yyyy}.",
            };
        }
        var today = ProvinceCalendar.DateOf(now);
        if (decisionDate > today)
        {
            throw new ProposalRuleException("decision-in-future", RuleKind.Unprocessable,
                $"The decision of {decisionDate:yyyy-MM-dd} is dated after today ({today:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày quyết định {decisionDate:dd/MM/yyyy} sau ngày hôm nay ({today:dd/MM/yyyy}).",
            };
        }
        if (Current is { } current && decisionDate < current.DecisionDate)
        {
            throw new ProposalRuleException("plan-revision-before-plan", RuleKind.Unprocessable,
                $"A revision decided on {decisionDate:yyyy-MM-dd} cannot precede the plan in force, decided on {current.DecisionDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Quyết định điều chỉnh ngày {decisionDate:dd/MM/yyyy} không thể trước quyết định của kế hoạch đang áp dụng (ngày {current.DecisionDate:dd/MM/yyyy}).",
            };
        }
        if (_versions.Any(v => string.Equals(v.DecisionNumber, decisionNumber, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ProposalRuleException("plan-decision-recorded", RuleKind.Conflict,
                $"Decision {decisionNumber} already approved another version of the {PlanYear} plan.")
            {
                Vietnamese = $"Quyết định số {decisionNumber} đã phê duyệt một phiên bản khác của kế hoạch năm {PlanYear}.",
            };
        }
        if (version.Items.Count == 0)
        {
            throw new ProposalRuleException("plan-version-empty", RuleKind.Unprocessable,
                $"Version {number} of the {PlanYear} plan holds no proposal.")
            {
                Vietnamese = $"Phiên bản {number} của kế hoạch năm {PlanYear} không có đề án nào.",
            };
        }
        version.Approve(decisionNumber, decisionDate, now, actedBy);
        return true;
    }

    private static List<PlanItem> Rank(IEnumerable<PlanCandidate> candidates) =>
        candidates
            .Where(c => c.ApprovedSupport is not null && c.Status != ProposalStatus.Cancelled
                        || c.Status == ProposalStatus.UnderAppraisal && c.Recommendation == AppraisalRecommendation.Recommend)
            .Where(c => (c.ApprovedSupport ?? c.RequestedSupport) > 0)
            .OrderByDescending(c => c.AppraisalScore ?? 0).ThenBy(c => c.UnitPriority ?? int.MaxValue).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select((c, i) => new PlanItem(i + 1, c.ProposalId, c.Code, c.Title, c.ContentGroup, c.District, c.AppraisalScore,
                c.ApprovedSupport ?? c.RequestedSupport, c.ApprovedSupport is not null, c.Pilot?.StartYear, c.Pilot?.EndYear, c.UnitPriority, c.UnitOpinion))
            .ToList();
}
