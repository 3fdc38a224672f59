namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// The appraisal score sheet: the six criteria of the appraisal council with the points each may earn
/// (100 in all). A member's score is the sum of the criteria.
/// </summary>
public sealed record AppraisalSheet(
    int FitWithRules, int ObjectivesAndEfficiency, int BudgetReasonableness, int UnitCapacity,
    int CombinationWithOtherProgrammes, int DossierCompleteness)
{
    public static readonly AppraisalSheet Maximum = new(20, 25, 20, 15, 10, 10);

    public int Total => FitWithRules + ObjectivesAndEfficiency + BudgetReasonableness + UnitCapacity
        + CombinationWithOtherProgrammes + DossierCompleteness;

    /// <summary>The criteria that are negative or above their maximum, by name.</summary>
    public IEnumerable<string> OutOfBounds()
    {
        if (FitWithRules is < 0 or > 20) { yield return $"fitWithRules must be 0–{Maximum.FitWithRules}"; }
        if (ObjectivesAndEfficiency is < 0 or > 25) { yield return $"objectivesAndEfficiency must be 0–{Maximum.ObjectivesAndEfficiency}"; }
        if (BudgetReasonableness is < 0 or > 20) { yield return $"budgetReasonableness must be 0–{Maximum.BudgetReasonableness}"; }
        if (UnitCapacity is < 0 or > 15) { yield return $"unitCapacity must be 0–{Maximum.UnitCapacity}"; }
        if (CombinationWithOtherProgrammes is < 0 or > 10) { yield return $"combinationWithOtherProgrammes must be 0–{Maximum.CombinationWithOtherProgrammes}"; }
        if (DossierCompleteness is < 0 or > 10) { yield return $"dossierCompleteness must be 0–{Maximum.DossierCompleteness}"; }
    }
}

public enum AppraisalRecommendation
{
    Recommend = 1,
    DoNotRecommend = 2,
}

/// <summary>A member of an appraisal council and the sheet they scored, once they have.</summary>
public sealed class AppraisalMember
{
    private AppraisalMember() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Position { get; private set; } = "";
    public AppraisalSheet? Sheet { get; private set; }
    public DateTimeOffset? ScoredAt { get; private set; }

    internal static AppraisalMember Named(string name, string position) =>
        new() { Id = Guid.CreateVersion7(), Name = name, Position = position };

    internal void Score(AppraisalSheet sheet, DateTimeOffset now)
    {
        Sheet = sheet;
        ScoredAt = now;
    }
}

/// <summary>
/// One round of appraisal (thẩm định) of a proposal by a council. A proposal returned for revision
/// and submitted again is appraised in a new round.
/// </summary>
public sealed class Appraisal
{
    public const int MinimumMembers = 3;

    private readonly List<AppraisalMember> _members = [];

    private Appraisal() { }

    public Guid Id { get; private set; }
    public int Round { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public IReadOnlyList<AppraisalMember> Members => _members;
    public decimal PassThreshold { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public decimal? AverageScore { get; private set; }
    public AppraisalRecommendation? Recommendation { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    internal static Appraisal Start(int round, IReadOnlyList<(string Name, string Position)> members, decimal passThreshold, DateTimeOffset now)
    {
        if (members.Count < MinimumMembers)
        {
            throw new ProposalRuleException("council-too-small", RuleKind.Unprocessable,
                $"An appraisal council has at least {MinimumMembers} members; {members.Count} were named.");
        }
        var appraisal = new Appraisal { Id = Guid.CreateVersion7(), Round = round, StartedAt = now, PassThreshold = passThreshold };
        appraisal._members.AddRange(members.Select(m => AppraisalMember.Named(m.Name, m.Position)));
        return appraisal;
    }

    internal void Score(Guid memberId, AppraisalSheet sheet, DateTimeOffset now)
    {
        if (IsCompleted)
        {
            throw new ProposalRuleException("appraisal-completed", RuleKind.Conflict, "The appraisal is completed; its scores can no longer change.");
        }
        var member = _members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new ProposalRuleException("not-a-council-member", RuleKind.Unprocessable,
                $"{memberId} is not a member of this appraisal council.");
        var outOfBounds = sheet.OutOfBounds().ToList();
        if (outOfBounds.Count > 0)
        {
            throw new ProposalRuleException("score-out-of-range", RuleKind.Unprocessable, $"Scores out of range: {string.Join("; ", outOfBounds)}.");
        }
        member.Score(sheet, now);
    }

    /// <summary>Closes the round once every member has scored: the average decides the recommendation.</summary>
    internal void Complete(DateTimeOffset now)
    {
        if (IsCompleted)
        {
            throw new ProposalRuleException("appraisal-completed", RuleKind.Conflict, "The appraisal is already completed.");
        }
        var missing = _members.Where(m => m.Sheet is null).Select(m => m.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ProposalRuleException("appraisal-incomplete", RuleKind.Unprocessable,
                $"Every council member must score before the appraisal is completed; missing: {string.Join(", ", missing)}.");
        }
        AverageScore = AverageOf(_members.Select(m => m.Sheet!.Total));
        Recommendation = AverageScore >= PassThreshold ? AppraisalRecommendation.Recommend : AppraisalRecommendation.DoNotRecommend;
        CompletedAt = now;
    }

    /// <summary>The mean of the members' totals, rounded half away from zero to two decimals.</summary>
    public static decimal AverageOf(IEnumerable<int> totals)
    {
        var list = totals.ToList();
        return Math.Round((decimal)list.Sum() / list.Count, 2, MidpointRounding.AwayFromZero);
    }
}
